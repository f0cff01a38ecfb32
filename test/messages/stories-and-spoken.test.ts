import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../../src/content/paths.js';
import { LP_IDS } from '../../src/core/lp.js';
import { scoreAnswer } from '../../src/core/rubric/index.js';
import { analyseSpokenAnswer } from '../../src/core/spoken.js';
import { nextLpToPrepare, type Story, storyCoverage } from '../../src/core/stories.js';
import type { MessageBody } from '../../src/messages/blocks.js';
import { STORY_ACTION_IDS } from '../../src/messages/ids.js';
import { feedbackMessage } from '../../src/messages/practice.js';
import { withSpokenTiming } from '../../src/messages/spoken.js';
import {
  reframeQuestionMessage,
  storiesListMessage,
  storyCoverageBlocks,
  withSaveStory,
} from '../../src/messages/stories.js';

const { scenarios } = loadLibrary(DEFAULT_SCENARIOS_DIR);

function expectWithinLimits(body: MessageBody): void {
  expect(body.blocks.length).toBeLessThanOrEqual(50);
  expect(body.text.length).toBeLessThanOrEqual(3000);
  for (const block of body.blocks as {
    type: string;
    text?: { text: string };
    fields?: unknown[];
    elements?: { action_id?: string }[];
  }[]) {
    const ids = (block.elements ?? []).map((e) => e.action_id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    if (block.fields) expect(block.fields.length).toBeLessThanOrEqual(10);
  }
}

const long = 'an unusually long title for a story that keeps going and going '.repeat(6);
const story = (id: number): Story => ({
  id,
  teamId: 'T1234',
  userId: 'U1234',
  title: `${long}${id}`,
  lps: [...LP_IDS],
  createdAt: '',
  updatedAt: '',
  versions: Array.from({ length: 30 }, (_, i) => ({
    id: i,
    answerId: i,
    lp: 'ownership',
    level: 'sde2',
    text: long.repeat(20),
    overall: 40 + i,
    verdict: 'lean-hire',
    createdAt: `2026-11-${String(i + 1).padStart(2, '0')}`,
  })),
});

describe('story bank and spoken timing messages stay within Slack’s limits', () => {
  it('the list of many long stories, the grid, the reframe question', () => {
    expectWithinLimits(storiesListMessage(Array.from({ length: 40 }, (_, i) => story(i + 1))));
    expectWithinLimits(storiesListMessage([]));
    const grid = storyCoverage([story(1)]);
    expectWithinLimits({ text: 'grid', blocks: storyCoverageBlocks(grid, nextLpToPrepare(grid)) });
    for (const s of scenarios.slice(0, 5))
      expectWithinLimits(
        reframeQuestionMessage(
          story(1),
          s.lp,
          s.lenses[0] && { ...s.lenses[0], scenarioTitle: s.title },
          s,
          'senior',
          7,
        ),
      );
  });

  it('feedback with the spoken timing and the Save button: one actions block, the estimate replaced', () => {
    const result = scoreAnswer('I think we kind of fixed it and things got better.');
    const feedback = feedbackMessage(result, {
      sessionId: 3,
      answerId: 42,
      probeCount: 2,
      probesStarted: false,
      messages: 1,
      tryAgain: true,
    });
    const timing = analyseSpokenAnswer([{ start: 0, end: 4, text: 'um we kind of fixed it' }]).timing;
    const body = withSaveStory(withSpokenTiming(feedback, timing), 42);
    expectWithinLimits(body);
    const text = JSON.stringify(body.blocks);
    expect(text).toContain('Spoken timing');
    expect(text).not.toContain('spoken at 150 words a minute');
    const actions = body.blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(1);
    expect(JSON.stringify(actions[0])).toContain(STORY_ACTION_IDS.save);
    // Without a button block (channel feedback), the Save button gets its own.
    const plain = withSaveStory({ text: 'x', blocks: [] }, 42);
    expect(plain.blocks).toHaveLength(1);
  });
});
