// DM practice: a question posted in the person's DM (answers then go through AnswerService), the
// structured-answer form, and the follow-ups.
import type { Clock } from '../clock.js';
import type { Library } from '../content/load-scenarios.js';
import type { MessageContent } from '../core/domain.js';
import type { Level, LpId, StarPart } from '../core/lp.js';
import type { Scenario } from '../core/scenario.js';
import type { Repositories } from '../db/ports.js';
import type { Logger } from '../logger.js';
import { answerFormView, formAnswerText, notice, questionMessage } from '../messages/practice.js';
import type { AnswerService } from './answers.js';
import type { Outbox } from './outbox.js';
import type { SlackGatewayFor } from './slack-port.js';

export interface PracticeServiceDeps {
  repos: Pick<Repositories, 'sessions' | 'users' | 'replies'>;
  library: Library;
  answers: AnswerService;
  outbox: Outbox;
  slackFor: SlackGatewayFor;
  clock: Clock;
  random: () => number;
  logger: Logger;
}

export class PracticeService {
  private readonly scenarios: Map<string, Scenario>;

  constructor(private readonly deps: PracticeServiceDeps) {
    this.scenarios = new Map(deps.library.scenarios.map((s) => [s.id, s]));
  }

  /** The least-practised scenario for this person (optionally of one LP), ties broken at random. */
  async pickScenario(teamId: string, userId: string, lp?: LpId): Promise<Scenario> {
    const pool = this.deps.library.scenarios.filter((s) => lp === undefined || s.lp === lp);
    const counts = await this.deps.repos.sessions.scenarioCounts(teamId, userId);
    const fewest = Math.min(...pool.map((s) => counts.get(s.id) ?? 0));
    const candidates = pool.filter((s) => (counts.get(s.id) ?? 0) === fewest);
    return candidates[Math.floor(this.deps.random() * candidates.length)];
  }

  /**
   * Opens a DM and posts a question there (stored first, so a Slack failure only delays it).
   * Throws when the DM cannot be opened.
   */
  async start(teamId: string, userId: string, lp: LpId | undefined, levelArg: Level | undefined, scenarioId?: string) {
    const { repos, slackFor, clock } = this.deps;
    const settings = levelArg ? undefined : await repos.users.get(teamId, userId);
    const level = levelArg ?? settings?.level ?? 'sde2';
    const levelIsDefault = settings !== undefined && !settings.levelChosen;
    const chosen = scenarioId === undefined ? undefined : this.scenarios.get(scenarioId);
    const scenario = chosen ?? (await this.pickScenario(teamId, userId, lp));
    const channelId = await slackFor(teamId).openDm(userId);
    const { session, replyId } = await repos.sessions.startDm(
      { teamId, userId, channelId, scenarioId: scenario.id, lp: scenario.lp, level },
      (sessionId) => questionMessage(scenario, level, sessionId, levelIsDefault),
      clock.now(),
    );
    const sent = await this.deps.outbox.deliver(replyId);
    return { session, scenario, level, channelId, sent };
  }

  /**
   * *Try again*: the same question as one of the person's sessions, as a new session at the same
   * level; its feedback shows the two scores side by side. Undefined when the session is not theirs.
   */
  async tryAgain(teamId: string, userId: string, sessionId: number) {
    const session = await this.deps.repos.sessions.get(teamId, sessionId);
    if (!session || session.userId !== userId || !this.scenarios.has(session.scenarioId)) return undefined;
    return this.start(teamId, userId, undefined, session.level, session.scenarioId);
  }

  /** Posts a message in the person's DM now; not through the outbox, as a button press can simply be repeated. */
  async postToDm(teamId: string, userId: string, body: MessageContent): Promise<void> {
    const slack = this.deps.slackFor(teamId);
    await slack.post(await slack.openDm(userId), null, body);
  }

  /** The form with one box per STAR part, for the person's own session. */
  async openAnswerForm(
    teamId: string,
    userId: string,
    sessionId: number,
    triggerId: string,
  ): Promise<'opened' | 'not-found' | 'failed'> {
    const session = await this.deps.repos.sessions.get(teamId, sessionId);
    const scenario = session ? this.scenarios.get(session.scenarioId) : undefined;
    if (!session || !scenario || session.userId !== userId) return 'not-found';
    try {
      await this.deps.slackFor(teamId).openView(triggerId, answerFormView(session.id, scenario));
      return 'opened';
    } catch (err) {
      // A trigger id is valid for three seconds; a slow open fails and the person can press again.
      this.deps.logger.warn('could not open the answer form', err);
      return 'failed';
    }
  }

  /** A structured answer from the form counts as one more message of the session's answer. */
  async submitForm(
    teamId: string,
    userId: string,
    sessionId: number,
    values: Partial<Record<StarPart, string>>,
    submittedAt: string,
  ): Promise<void> {
    const session = await this.deps.repos.sessions.get(teamId, sessionId);
    if (!session || session.userId !== userId || !session.questionTs) return;
    const text = formAnswerText(values);
    // Stored and scored first; the echo of what was submitted follows the feedback.
    await this.deps.answers.receiveDm({
      teamId,
      channelId: session.channelId,
      userId,
      ts: `form-${submittedAt}`,
      threadTs: session.questionTs,
      text,
    });
    const reply = await this.deps.repos.replies.enqueue(
      { teamId, channelId: session.channelId, threadTs: session.questionTs, purpose: 'notice' },
      notice(`*Your answer from the form (scored above):*\n${text}`),
      this.deps.clock.now(),
    );
    // Queued behind the feedback in the same channel, so the outbox sends it after that.
    this.deps.outbox.dispatch([reply.id]);
  }
}
