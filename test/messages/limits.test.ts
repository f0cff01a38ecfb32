import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/load-scenarios.js';
import { DEFAULT_SCENARIOS_DIR } from '../../src/content/paths.js';
import { scoreAnswer } from '../../src/core/rubric/index.js';
import { type MessageBody, message, section, truncateAtWord } from '../../src/messages/blocks.js';
import { helpMessage } from '../../src/messages/help.js';
import { LEARN_PAGE_COUNT, learnMessage } from '../../src/messages/learn.js';
import { feedbackMessage, probeFeedbackMessage, questionMessage } from '../../src/messages/practice.js';
import { quizMessage, quizResultMessage } from '../../src/messages/quiz.js';

const { scenarios } = loadLibrary(DEFAULT_SCENARIOS_DIR);

function expectWithinLimits(body: MessageBody): void {
  expect(body.blocks.length).toBeLessThanOrEqual(50);
  expect(body.text.length).toBeLessThanOrEqual(3000);
  for (const block of body.blocks as { type: string; text?: { text: string }; elements?: { action_id?: string }[] }[]) {
    // Slack rejects a message whose actions block repeats an action id.
    const ids = (block.elements ?? []).map((e) => e.action_id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    if (block.type === 'section') expect(block.text?.text.length).toBeLessThanOrEqual(3000);
    if (block.type === 'header') expect(block.text?.text.length).toBeLessThanOrEqual(150);
  }
}

describe('truncateAtWord', () => {
  it('keeps short text and cuts long text at a word boundary with an ellipsis', () => {
    expect(truncateAtWord('short text', 50)).toBe('short text');
    const cut = truncateAtWord('the quick brown fox jumps over the lazy dog', 20);
    expect(cut).toBe('the quick brown fox…');
    expect(cut.length).toBeLessThanOrEqual(20);
  });
  it('never splits a word when a boundary is in reach', () => {
    for (let max = 10; max < 200; max += 7) {
      const text = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu '.repeat(4);
      const cut = truncateAtWord(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      const words = cut.slice(0, -1).trim().split(' ');
      for (const w of words) expect(text.split(' ')).toContain(w);
    }
  });
  it('cuts inside a single word only when there is no boundary', () => {
    expect(truncateAtWord('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
  it('caps a message at 50 blocks', () => {
    const body = message(
      't',
      Array.from({ length: 80 }, (_, i) => section(`block ${i}`)),
    );
    expect(body.blocks).toHaveLength(50);
  });
});

describe('Block Kit builders stay within limits', () => {
  it('for feedback on huge, flag-heavy answers', () => {
    const messy = 'I think we escalated it and they handled it, kind of, maybe. '.repeat(700);
    for (const text of [messy, 'x'.repeat(40_000), 'word '.repeat(8_000)]) {
      const result = scoreAnswer(text, { level: 'senior', lp: 'ownership' });
      expectWithinLimits(
        feedbackMessage(result, {
          sessionId: 1,
          answerId: 1,
          probeCount: 3,
          probesStarted: false,
          messages: 3,
          tryAgain: true,
        }),
      );
    }
  });
  it('for every scenario: question, every learn page, every quiz and probe', () => {
    for (const s of scenarios) {
      expectWithinLimits(questionMessage(s, 'senior', 1));
      for (let page = 0; page < LEARN_PAGE_COUNT; page++) expectWithinLimits(learnMessage(s, page));
      s.quiz.forEach((q, i) => {
        expectWithinLimits(quizMessage(s, i, 'any'));
        for (let c = 0; c < q.options.length; c++) expectWithinLimits(quizResultMessage(s, i, c, 'any'));
      });
      s.probes.forEach((p, i) => {
        const result = scoreAnswer(p.weak.answer, { kind: 'probe', scenario: s, question: p.question });
        expectWithinLimits(
          probeFeedbackMessage(
            result,
            p,
            s.probes[i + 1] ? { probe: s.probes[i + 1], index: i + 1, total: s.probes.length } : undefined,
          ),
        );
      });
    }
    expectWithinLimits(helpMessage('x'.repeat(5000)));
  });
});
