// One mock, from the buttons of its group DM to the scorecard: the mode, each person's Start (the
// kit to the interviewer alone, a brief to the candidate, the bar to the observer), reschedule,
// cancel, no-show (with a new partner when the pool allows), the check-back, the interviewer's
// scorecard and the candidate's pasted answer. Every message goes through the outbox.
import type { Clock } from '../clock.js';
import type { Library } from '../content/load-scenarios.js';
import { averagesByLp } from '../core/mock-kit.js';
import { parseScorecard, type RawScorecard } from '../core/mock-scorecard.js';
import { type Mock, type MockMode, type MockRole, participants, roleOf } from '../core/mocks.js';
import { scoreAnswer } from '../core/rubric/index.js';
import type { Scenario } from '../core/scenario.js';
import { localDate } from '../core/schedule.js';
import { suggestTimes } from '../core/working-hours.js';
import type { MockPlan, Repositories } from '../db/ports.js';
import type { Logger } from '../logger.js';
import { candidateBriefMessage, interviewerKitMessage, observerBriefMessage } from '../messages/mock-kit.js';
import {
  answerPasteView,
  MAX_PASTED_ANSWER,
  mockAnswerMessage,
  scorecardMessage,
  scorecardView,
} from '../messages/mock-scorecard.js';
import { type MockActionOutcome, mockIntroMessage, rescheduleMessage } from '../messages/mocks.js';
import type { MockRounds } from './mock-rounds.js';
import type { TimezoneCache } from './mock-timezones.js';
import type { Outbox } from './outbox.js';
import type { SlackGatewayFor } from './slack-port.js';

export interface MockInterviewsDeps {
  repos: Pick<Repositories, 'mocks' | 'answers'>;
  library: Library;
  rounds: MockRounds;
  timezones: TimezoneCache;
  outbox: Outbox;
  slackFor: SlackGatewayFor;
  clock: Clock;
  logger: Logger;
  /** Re-publishes a person's App Home (after a scorecard). */
  publishHome: (teamId: string, userId: string) => Promise<void>;
}

/** A scorecard stored, to deliver once the modal has closed; or why it was not. */
export type ScorecardRecord =
  | { kind: 'invalid'; errors: Record<string, string> }
  | { kind: 'stored'; mock: Mock; replyId: number }
  | { kind: 'slack-failed' }
  | MockActionOutcome;

export type AnswerRecord =
  | { kind: 'invalid'; error: string }
  | { kind: 'stored'; replyId: number }
  | { kind: 'slack-failed' }
  | MockActionOutcome;

const START_NOTICE: Record<MockRole, 'kit' | 'brief' | 'observer'> = {
  interviewer: 'kit',
  candidate: 'brief',
  observer: 'observer',
};

/** A scorecard is for a mock that happened or may still happen, not one called off or missed. */
const mayScore = (mock: Mock) => mock.status === 'planned' || mock.status === 'met';

export class MockInterviews {
  private readonly scenarios: Map<string, Scenario>;

  constructor(private readonly deps: MockInterviewsDeps) {
    this.scenarios = new Map(deps.library.scenarios.map((s) => [s.id, s]));
  }

  /** The mock and the presser's role in it, or why there is none. */
  private async load(teamId: string, mockId: number, userId: string) {
    const mock = Number.isInteger(mockId) ? await this.deps.repos.mocks.get(teamId, mockId) : undefined;
    if (!mock) return { outcome: { kind: 'not-found' } as const };
    const role = roleOf(mock, userId);
    if (!role) return { outcome: { kind: 'not-in-mock' } as const };
    return { mock, role };
  }

  /** The kit's question; a scenario renamed since the pairing falls back to another of its LP. */
  private scenarioOf(mock: Mock): Scenario {
    const { scenarios } = this.deps.library;
    return this.scenarios.get(mock.questionId) ?? scenarios.find((s) => s.lp === mock.lp) ?? (scenarios[0] as Scenario);
  }

  /** Runs a plan on the mock, delivers the revised introduction, and returns the mock after. */
  private async change(mock: Mock, plan: MockPlan): Promise<Mock | undefined> {
    const result = await this.deps.repos.mocks.update(mock.teamId, mock.id, plan, this.deps.clock.now());
    if (result?.replyId !== undefined) await this.deps.outbox.deliver(result.replyId);
    return result?.mock;
  }

  private async intro(mock: Mock) {
    const zones = await this.deps.timezones.cached(mock.teamId, participants(mock));
    return (m: Mock) => mockIntroMessage(m, zones);
  }

  /** Notes that someone answered, without changing anything else. */
  private responded(mock: Mock, userId: string) {
    return this.change(mock, () => ({ respondedBy: userId }));
  }

  /** Learning or realistic: the first pick stands, so the two never mix. */
  async pickMode(teamId: string, userId: string, mockId: number, mode: MockMode): Promise<MockActionOutcome> {
    const { mock, outcome } = await this.load(teamId, mockId, userId);
    if (!mock) return outcome;
    if (mock.status !== 'planned') return { kind: 'closed', status: mock.status };
    const intro = await this.intro(mock);
    const after = await this.change(mock, (m) =>
      m.mode ? { respondedBy: userId } : { change: { mode }, respondedBy: userId, intro },
    );
    const chosen = after?.mode ?? mode;
    return chosen === mode ? { kind: 'mode-set', mode } : { kind: 'mode-taken', mode: chosen };
  }

  /**
   * A Start button: the kit to the interviewer only, a brief to the candidate, the bar to the
   * observer; each once, in their own DM. Anyone else pressing it is told whose button it is.
   */
  async start(teamId: string, userId: string, mockId: number, wanted: MockRole): Promise<MockActionOutcome> {
    const { mock, role, outcome } = await this.load(teamId, mockId, userId);
    if (!mock) return outcome;
    if (mock.status !== 'planned') return { kind: 'closed', status: mock.status };
    if (role !== wanted) {
      await this.responded(mock, userId);
      const ownerId =
        wanted === 'candidate' ? mock.candidateId : wanted === 'interviewer' ? mock.interviewerId : mock.observerId;
      return ownerId ? { kind: 'wrong-person', ownerId, role: wanted } : { kind: 'not-in-mock' };
    }
    if (!mock.mode) {
      await this.responded(mock, userId);
      return { kind: 'pick-mode' };
    }
    const what = START_NOTICE[role];
    const key = `${what}:${mock.id}`;
    if (await this.deps.repos.mocks.noticeSent(teamId, key)) return { kind: 'sent-before', what };
    let dm: string;
    try {
      dm = await this.deps.slackFor(teamId).openDm(userId);
    } catch (err) {
      this.deps.logger.warn(`could not open a DM with ${userId} for the ${what} of mock ${mock.id}`, err);
      return { kind: 'dm-failed' };
    }
    const scenario = this.scenarioOf(mock);
    const followUps = this.deps.library.banks.find((b) => b.lp === scenario.lp)?.followUps ?? [];
    // Whether the question came from the candidate's weakest LPs or, with no history there, was simply new to them.
    const practisedLp =
      role === 'interviewer' &&
      averagesByLp(await this.deps.repos.answers.listForUser(teamId, mock.candidateId)).has(mock.lp);
    const body =
      role === 'interviewer'
        ? interviewerKitMessage(mock, scenario, followUps, practisedLp ? 'weakest' : 'new')
        : role === 'candidate'
          ? candidateBriefMessage(mock, scenario)
          : observerBriefMessage(mock, scenario);
    const id = await this.deps.repos.mocks.claimNotice(
      { teamId, key, channelId: dm, userId, mockId: mock.id },
      body,
      this.deps.clock.now(),
    );
    await this.responded(mock, userId);
    if (id === undefined) return { kind: 'sent-before', what };
    await this.deps.outbox.deliver(id);
    return { kind: 'sent', what };
  }

  /** New suggested times from now, at most once a day per mock. */
  async reschedule(teamId: string, userId: string, mockId: number): Promise<MockActionOutcome> {
    const { mock, outcome } = await this.load(teamId, mockId, userId);
    if (!mock) return outcome;
    if (mock.status !== 'planned') return { kind: 'closed', status: mock.status };
    const now = this.deps.clock.now();
    const key = `reschedule:${mock.id}:${localDate(now, 'UTC')}`;
    if (await this.deps.repos.mocks.noticeSent(teamId, key)) return { kind: 'reschedule-limit' };
    const people = participants(mock);
    const zones = await this.deps.timezones.resolve(teamId, people);
    const times = suggestTimes(
      people.map((id) => zones[id] ?? 'UTC'),
      now,
      3,
    ).map((t) => t.toISOString());
    const after = await this.change(mock, () => ({
      change: { suggestedTimes: times },
      respondedBy: userId,
      intro: (m) => mockIntroMessage(m, zones),
    }));
    if (!after) return { kind: 'not-found' };
    await this.deps.rounds.inGroup(after, key, rescheduleMessage(after, userId, zones));
    return { kind: 'rescheduled' };
  }

  async cancel(teamId: string, userId: string, mockId: number): Promise<MockActionOutcome> {
    const { mock, outcome } = await this.load(teamId, mockId, userId);
    if (!mock) return outcome;
    const intro = await this.intro(mock);
    const after = await this.change(mock, (m) =>
      m.status === 'planned' ? { change: { status: 'cancelled' }, respondedBy: userId, intro } : undefined,
    );
    return after ? { kind: 'cancelled' } : { kind: 'closed', status: mock.status };
  }

  /**
   * The other main participant did not come: the mock is marked, and whoever reported it gets a
   * new partner from the pool when someone is free (once per mock).
   */
  async noShow(teamId: string, userId: string, mockId: number): Promise<MockActionOutcome> {
    const { mock, role, outcome } = await this.load(teamId, mockId, userId);
    if (!mock) return outcome;
    if (role === 'observer') return { kind: 'observer-cannot' };
    const absent = role === 'candidate' ? mock.interviewerId : mock.candidateId;
    const intro = await this.intro(mock);
    const after = await this.change(mock, (m) =>
      m.status === 'planned'
        ? { change: { status: 'no-show', noShowUserId: absent }, respondedBy: userId, intro }
        : undefined,
    );
    if (!after) return { kind: 'closed', status: mock.status };
    const repaired = await this.deps.rounds.pairNow(teamId, mock.channelId, userId, {
      kind: 're-pair',
      roundKey: `repair:${mock.id}`,
      exclude: [absent],
      mode: mock.mode,
    });
    if (typeof repaired === 'string') return { kind: 'no-partner' };
    const partnerId = repaired.candidateId === userId ? repaired.interviewerId : repaired.candidateId;
    return { kind: 'repaired', partnerId, role: repaired.candidateId === userId ? 'candidate' : 'interviewer' };
  }

  /** The check-back's *We met*: marked as met; the interviewer goes straight to the scorecard. */
  async met(teamId: string, userId: string, mockId: number, triggerId: string): Promise<MockActionOutcome> {
    const { mock, role, outcome } = await this.load(teamId, mockId, userId);
    if (!mock) return outcome;
    if (mock.status === 'cancelled' || mock.status === 'no-show') return { kind: 'closed', status: mock.status };
    const intro = await this.intro(mock);
    await this.change(mock, (m) =>
      m.status === 'planned' ? { change: { status: 'met' }, respondedBy: userId, intro } : { respondedBy: userId },
    );
    if (role === 'interviewer' && !(await this.deps.repos.mocks.scorecard(teamId, mock.id)))
      return this.openScorecard(teamId, userId, mockId, triggerId);
    return { kind: 'met', interviewerId: mock.interviewerId };
  }

  /** The check-back's *It didn't happen*. */
  async notMet(teamId: string, userId: string, mockId: number): Promise<MockActionOutcome> {
    const { mock, outcome } = await this.load(teamId, mockId, userId);
    if (!mock) return outcome;
    const intro = await this.intro(mock);
    await this.change(mock, (m) =>
      m.status === 'planned'
        ? { change: { status: 'cancelled' }, respondedBy: userId, intro }
        : { respondedBy: userId },
    );
    return { kind: 'not-met' };
  }

  /** The scorecard modal, for the interviewer only. */
  async openScorecard(teamId: string, userId: string, mockId: number, triggerId: string): Promise<MockActionOutcome> {
    const { mock, role, outcome } = await this.load(teamId, mockId, userId);
    if (!mock) return outcome;
    if (role !== 'interviewer') return { kind: 'wrong-person', ownerId: mock.interviewerId, role: 'interviewer' };
    if (!mayScore(mock)) return { kind: 'closed', status: mock.status };
    if (await this.deps.repos.mocks.scorecard(teamId, mock.id)) return { kind: 'scorecard-exists' };
    try {
      await this.deps.slackFor(teamId).openView(triggerId, scorecardView(mock));
      return { kind: 'opened' };
    } catch (err) {
      // A trigger id lasts three seconds; a slow open fails and the button can be pressed again.
      this.deps.logger.warn('could not open the mock scorecard', err);
      return { kind: 'open-failed' };
    }
  }

  /**
   * Checks and stores a submitted scorecard, with the candidate's DM queued; runs before the modal
   * closes, so a refusal (or Slack not answering) keeps the modal and what was typed in it.
   */
  async recordScorecard(teamId: string, userId: string, mockId: number, raw: RawScorecard): Promise<ScorecardRecord> {
    const parsed = parseScorecard(raw);
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
    const { mock, role, outcome } = await this.load(teamId, mockId, userId);
    if (!mock) return outcome;
    if (role !== 'interviewer') return { kind: 'wrong-person', ownerId: mock.interviewerId, role: 'interviewer' };
    if (!mayScore(mock)) return { kind: 'closed', status: mock.status };
    let dm: string;
    try {
      dm = await this.deps.slackFor(teamId).openDm(mock.candidateId);
    } catch (err) {
      this.deps.logger.warn(`could not open a DM with ${mock.candidateId} for a scorecard`, err);
      return { kind: 'slack-failed' };
    }
    const stored = await this.deps.repos.mocks.submitScorecard(
      teamId,
      mock.id,
      parsed.value,
      { channelId: dm, render: scorecardMessage },
      this.deps.clock.now(),
    );
    if (stored === undefined) return { kind: 'not-found' };
    if (stored === 'exists') return { kind: 'scorecard-exists' };
    return { kind: 'stored', mock, replyId: stored.replyId };
  }

  /** After the modal closed: the candidate's DM, the group DM's message, and both App Homes. */
  async deliverScorecard(record: { mock: Mock; replyId: number }): Promise<void> {
    const { mock } = record;
    await this.deps.outbox.deliver(record.replyId);
    const intro = await this.intro(mock);
    await this.change(mock, () => ({ intro }));
    for (const userId of [mock.candidateId, mock.interviewerId])
      await this.deps
        .publishHome(mock.teamId, userId)
        .catch((err) => this.deps.logger.warn(`could not refresh ${userId}'s App Home`, err));
  }

  /** The modal where the candidate pastes their answer. */
  async openAnswer(teamId: string, userId: string, mockId: number, triggerId: string): Promise<MockActionOutcome> {
    const { mock, role, outcome } = await this.load(teamId, mockId, userId);
    if (!mock) return outcome;
    if (role !== 'candidate') return { kind: 'wrong-person', ownerId: mock.candidateId, role: 'candidate' };
    try {
      await this.deps.slackFor(teamId).openView(triggerId, answerPasteView(mock));
      return { kind: 'opened' };
    } catch (err) {
      this.deps.logger.warn('could not open the mock answer form', err);
      return { kind: 'open-failed' };
    }
  }

  /** Scores the pasted answer and stores it with the candidate's DM queued (beside the scorecard when there is one). */
  async recordAnswer(teamId: string, userId: string, mockId: number, text: string): Promise<AnswerRecord> {
    const answerText = text.trim();
    if (answerText === '') return { kind: 'invalid', error: 'Write what you said; there is nothing to score yet.' };
    if (answerText.length > MAX_PASTED_ANSWER)
      return { kind: 'invalid', error: `Keep it under ${MAX_PASTED_ANSWER} characters.` };
    const { mock, role, outcome } = await this.load(teamId, mockId, userId);
    if (!mock) return outcome;
    if (role !== 'candidate') return { kind: 'wrong-person', ownerId: mock.candidateId, role: 'candidate' };
    const scenario = this.scenarioOf(mock);
    const result = scoreAnswer(answerText, {
      scenario,
      lp: scenario.lp,
      level: mock.level,
      question: scenario.question,
    });
    let dm: string;
    try {
      dm = await this.deps.slackFor(teamId).openDm(userId);
    } catch (err) {
      this.deps.logger.warn(`could not open a DM with ${userId} for a mock answer`, err);
      return { kind: 'slack-failed' };
    }
    const now = this.deps.clock.now();
    const answer = {
      teamId,
      mockId: mock.id,
      userId,
      text: answerText,
      overall: result.overall,
      verdict: result.verdict,
      dimensions: result.dimensions,
      flags: result.flags.map((f) => ({ id: f.id, quote: f.quote.slice(0, 200) })),
      rubricVersion: result.rubricVersion,
    };
    const stamped = { ...answer, createdAt: now.toISOString(), updatedAt: now.toISOString() };
    const replyId = await this.deps.repos.mocks.saveAnswer(
      answer,
      { channelId: dm, render: (card) => mockAnswerMessage(mock, stamped, card) },
      now,
    );
    if (replyId === undefined) return { kind: 'not-found' };
    await this.responded(mock, userId);
    return { kind: 'stored', replyId };
  }

  async deliver(replyId: number): Promise<void> {
    await this.deps.outbox.deliver(replyId);
  }

  /** The heads-up's *Skip this round*. */
  async skipRound(teamId: string, userId: string, channelId: string, roundKey: string): Promise<MockActionOutcome> {
    const { mocks } = this.deps.repos;
    const member = (await mocks.members(teamId, channelId)).find((m) => m.userId === userId);
    if (member?.status !== 'active' || !/^\d{4}-\d{2}-\d{2}$/.test(roundKey)) return { kind: 'not-member' };
    return (await mocks.skip(teamId, channelId, roundKey, userId, this.deps.clock.now()))
      ? { kind: 'skipped', roundKey }
      : { kind: 'skipped-before' };
  }
}
