import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../src/core/lp.js';
import type { Mock, MockAnswer, MockScorecard } from '../../src/core/mocks.js';
import type { MessageBody } from '../../src/messages/blocks.js';
import { homeView } from '../../src/messages/home.js';
import { candidateBriefMessage, interviewerKitMessage, observerBriefMessage } from '../../src/messages/mock-kit.js';
import {
  answerPasteView,
  mockAnswerMessage,
  scorecardMessage,
  scorecardView,
} from '../../src/messages/mock-scorecard.js';
import { mockIntroMessage } from '../../src/messages/mocks.js';
import { shippedLibrary } from '../helpers/world.js';

const { scenarios, banks } = shippedLibrary();

const MOCK: Mock = {
  id: 7,
  teamId: 'T1234',
  roundId: 1,
  channelId: 'C1234',
  candidateId: 'U1111',
  interviewerId: 'U2222',
  observerId: 'U3333',
  mode: null,
  status: 'planned',
  lp: 'ownership',
  level: 'sde2',
  questionId: scenarios.find((s) => s.lp === 'ownership')?.id ?? '',
  suggestedTimes: ['2026-11-30T14:00:00.000Z', '2026-12-01T14:00:00.000Z'],
  conversationId: 'G1111X2222X3333',
  introReplyId: 1,
  noShowUserId: null,
  responded: [],
  createdAt: '2026-11-30T09:00:00.000Z',
  updatedAt: '2026-11-30T09:00:00.000Z',
};
const ZONES = { U1111: 'Europe/Berlin', U2222: 'America/New_York', U3333: 'Europe/Berlin' };
const CARD: MockScorecard = {
  id: 1,
  teamId: 'T1234',
  mockId: 7,
  interviewerId: 'U2222',
  candidateId: 'U1111',
  ratings: { ownership: 3, impact: 2, structure: 3, delivery: 4, reflection: 2 },
  flags: ['no-metric', 'hedging'],
  verdict: 'lean-hire',
  wentWell: 'You owned the rollback & said so.',
  toImprove: 'Give the before and after in numbers.',
  createdAt: '2026-12-01T15:00:00.000Z',
};
const ANSWER: MockAnswer = {
  teamId: 'T1234',
  mockId: 7,
  userId: 'U1111',
  text: 'I think we fixed it.',
  overall: 41,
  verdict: 'no-hire',
  dimensions: { ownership: 40, impact: 30, structure: 50, delivery: 60, reflection: 20 },
  flags: [{ id: 'hedging', quote: 'I think' }],
  rubricVersion: 1,
  createdAt: '2026-12-01T16:00:00.000Z',
  updatedAt: '2026-12-01T16:00:00.000Z',
};

type Block = {
  type: string;
  text?: { text: string };
  elements?: { type: string; action_id?: string; text?: { text: string } | string }[];
};

function expectWithinLimits(body: MessageBody): void {
  expect(body.blocks.length).toBeLessThanOrEqual(50);
  expect(body.text.length).toBeLessThanOrEqual(3000);
  for (const block of body.blocks as Block[]) {
    const ids = (block.elements ?? []).map((e) => e.action_id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of block.elements ?? [])
      if (e.type === 'button' && typeof e.text === 'object') expect(e.text.text.length).toBeLessThanOrEqual(75);
    if (block.type === 'section') expect(block.text?.text.length).toBeLessThanOrEqual(3000);
    if (block.type === 'header') expect(block.text?.text.length).toBeLessThanOrEqual(150);
  }
}

const textOf = (body: { blocks: unknown[] }) => JSON.stringify(body.blocks);

describe('mock messages', () => {
  it('introduces a trio with roles, times on each clock, the huddle note and one Start button per person', () => {
    const intro = mockIntroMessage(MOCK, ZONES);
    expectWithinLimits(intro);
    const text = textOf(intro);
    expect(text).toContain('Tue 1 Dec 15:00 for <@U1111> · Tue 1 Dec 09:00 for <@U2222>');
    expect(text).toContain('Slack gives apps no way to start a huddle');
    for (const id of ['star_mock_mode_learning', 'star_mock_start_interviewer', 'star_mock_start_observer'])
      expect(text).toContain(id);
    // A pair has no observer button; a chosen mode replaces the mode buttons with its rules.
    const pair = mockIntroMessage({ ...MOCK, observerId: null, mode: 'realistic' }, ZONES);
    expect(textOf(pair)).not.toContain('star_mock_start_observer');
    expect(textOf(pair)).not.toContain('star_mock_mode_learning');
    expect(textOf(pair)).toContain('no hints and no pauses');
    // Closed mocks keep the plan but lose their buttons.
    for (const status of ['met', 'cancelled', 'no-show'] as const)
      expect(textOf(mockIntroMessage({ ...MOCK, status }, ZONES))).not.toContain('star_mock_start');
    expect(textOf(mockIntroMessage({ ...MOCK, suggestedTimes: [] }, ZONES))).toContain('do not overlap this week');
  });

  it('fits every scenario’s kit, brief and observer note at every level inside Slack’s limits', () => {
    for (const scenario of scenarios)
      for (const level of LEVELS) {
        const mock = { ...MOCK, lp: scenario.lp, level, questionId: scenario.id, mode: 'learning' as const };
        const followUps = banks.find((b) => b.lp === scenario.lp)?.followUps ?? [];
        const kit = interviewerKitMessage(mock, scenario, followUps, 'weakest');
        expectWithinLimits(kit);
        expect(textOf(kit)).toContain(scenario.question.slice(0, 40).replace(/&/g, '&amp;').replace(/"/g, '\\"'));
        expectWithinLimits(candidateBriefMessage(mock, scenario));
        expectWithinLimits(observerBriefMessage(mock, scenario));
        // The candidate's brief never carries the question.
        expect(textOf(candidateBriefMessage(mock, scenario))).not.toContain(scenario.question.slice(0, 40));
      }
  });

  it('says why the kit’s question was chosen: the candidate’s weakest LPs, or one new to them', () => {
    const scenario = scenarios[0];
    const mock = { ...MOCK, questionId: scenario.id, lp: scenario.lp, mode: 'learning' as const };
    expect(textOf(interviewerKitMessage(mock, scenario, [], 'weakest'))).toContain('Chosen from <@U1111>’s weakest');
    expect(textOf(interviewerKitMessage(mock, scenario, [], 'new'))).toContain(
      '<@U1111> has not practised this principle here yet',
    );
  });

  it('renders the scorecard and the rubric’s view, with the comparison once both exist', () => {
    const alone = scorecardMessage(MOCK, CARD, undefined);
    expectWithinLimits(alone);
    expect(textOf(alone)).toContain('No number in the result, Hedging');
    expect(textOf(alone)).toContain('You owned the rollback &amp; said so.');
    expect(textOf(alone)).toContain('star_mock_paste_answer');
    const both = scorecardMessage(MOCK, CARD, ANSWER);
    expect(textOf(both)).toContain('Recommendation: interviewer Lean hire, rubric No hire: differ');
    expect(textOf(both)).toContain('*Red flags both heard:* Hedging');
    expectWithinLimits(mockAnswerMessage(MOCK, ANSWER, CARD));
    expect(textOf(mockAnswerMessage(MOCK, ANSWER, undefined))).toContain('When the interviewer sends the scorecard');
  });

  it('builds modals Slack accepts: at most ten options per group, option texts within 75 characters', () => {
    for (const view of [scorecardView(MOCK), answerPasteView(MOCK)]) {
      if (view.type !== 'modal') throw new Error('a modal');
      expect(view.title.text.length).toBeLessThanOrEqual(24);
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      for (const block of view.blocks as {
        element?: { options?: { text: { text: string }; description?: { text: string } }[] };
      }[]) {
        const options = block.element?.options ?? [];
        expect(options.length).toBeLessThanOrEqual(10);
        for (const o of options) {
          expect(o.text.text.length).toBeLessThanOrEqual(75);
          expect(o.description?.text.length ?? 0).toBeLessThanOrEqual(75);
        }
      }
    }
  });

  it('lists mocks on App Home, scores only for the two people the scorecard belongs to', () => {
    const data = {
      sessions: 0,
      answers: 0,
      streak: 0,
      perLp: new Map(),
      flags: [],
      recent: [],
      weakestLp: 'ownership',
      newLp: undefined,
    };
    const mocks = [{ ...MOCK, status: 'met' as const, scorecard: CARD }];
    expect(textOf(homeView(data, mocks, 'U1111'))).toContain(
      'you were the candidate with <@U2222> · :large_yellow_circle: Lean hire · ownership 3/4',
    );
    expect(textOf(homeView(data, mocks, 'U2222'))).toContain('you interviewed <@U1111> · you recommended');
    expect(textOf(homeView(data, mocks, 'U3333'))).not.toContain('Lean hire');
    expect(textOf(homeView(data))).not.toContain('mock interviews');
  });
});
