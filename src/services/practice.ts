import type { Clock } from '../clock.js';
import type { Library } from '../content/load-scenarios.js';
import type { Level, LpId, StarPart } from '../core/lp.js';
import { scoreAnswer } from '../core/rubric/index.js';
import type { Scenario } from '../core/scenario.js';
import type { AnswerRow } from '../db/repositories/answers.js';
import type { Repositories } from '../db/repositories/index.js';
import type { PracticeSession } from '../db/repositories/sessions.js';
import type { SlackGateway } from '../slack/gateway.js';
import {
  deletedAnswerMessage,
  feedbackMessage,
  formAnswerText,
  notice,
  probeFeedbackMessage,
  probeQuestionMessage,
  questionMessage,
} from '../slack/views/practice.js';
import type { Outbox } from './outbox.js';

export interface SlackMessage {
  teamId: string;
  channelId: string;
  userId: string;
  ts: string;
  threadTs?: string;
  text: string;
}

/** Slack's own limit for a message; the modal's five boxes can add up to less than this. */
export const MAX_ANSWER_CHARS = 40_000;

/**
 * DM practice: a question, an answer in its thread (one or several messages), feedback, then the
 * scenario's probes one at a time. Every answer is stored before any reply is attempted.
 */
export class PracticeService {
  private readonly scenarios: Map<string, Scenario>;

  constructor(
    private readonly repos: Repositories,
    private readonly library: Library,
    private readonly outbox: Outbox,
    private readonly slackFor: (teamId: string) => SlackGateway,
    private readonly clock: Clock,
    private readonly random: () => number,
  ) {
    this.scenarios = new Map(library.scenarios.map((s) => [s.id, s]));
    outbox.onFirstSend((reply, ts, now) => {
      if (reply.purpose === 'question' && reply.sessionId !== null)
        this.repos.sessions.setQuestionTs(reply.sessionId, ts, now);
    });
  }

  scenario(id: string): Scenario | undefined {
    return this.scenarios.get(id);
  }

  /** The least-practised scenario for this user (optionally of one LP), ties broken at random. */
  pickScenario(teamId: string, userId: string, lp?: LpId): Scenario {
    const pool = this.library.scenarios.filter((s) => lp === undefined || s.lp === lp);
    const counts = this.repos.sessions.scenarioCounts(teamId, userId);
    const fewest = Math.min(...pool.map((s) => counts.get(s.id) ?? 0));
    const candidates = pool.filter((s) => (counts.get(s.id) ?? 0) === fewest);
    return candidates[Math.floor(this.random() * candidates.length)];
  }

  /** Opens a DM and posts a question there. Returns the session and whether the question went out. */
  async start(teamId: string, userId: string, lp: LpId | undefined, levelArg: Level | undefined) {
    const level = levelArg ?? this.repos.users.get(teamId, userId).level;
    const scenario = this.pickScenario(teamId, userId, lp);
    const channelId = await this.slackFor(teamId).openDm(userId);
    const now = this.clock.now();
    const { session, replyId } = this.repos.transaction(() => {
      const session = this.repos.sessions.create(
        { teamId, userId, channelId, scenarioId: scenario.id, lp: scenario.lp, level },
        now,
      );
      const reply = this.repos.replies.enqueue(
        { teamId, channelId, threadTs: null, purpose: 'question', sessionId: session.id },
        questionMessage(scenario, level, session.id),
        now,
      );
      return { session, replyId: reply.id };
    });
    const sent = await this.outbox.deliver(replyId);
    return { session, scenario, level, channelId, sent };
  }

  /** A new message in a DM. Answers in a session thread are scored; anything else gets a hint. */
  async handleMessage(msg: SlackMessage): Promise<void> {
    if (!msg.threadTs || msg.threadTs === msg.ts) {
      await this.sendNotice(
        msg.teamId,
        msg.channelId,
        null,
        'To practise, type `/star practice`; then answer in the thread of the question I send.',
      );
      return;
    }
    const session = this.repos.sessions.findByThread(msg.teamId, msg.channelId, msg.threadTs);
    if (!session || session.userId !== msg.userId) return;
    const text = msg.text.slice(0, MAX_ANSWER_CHARS);
    if (session.state === 'done') {
      await this.sendNotice(
        msg.teamId,
        msg.channelId,
        msg.threadTs,
        'This session is finished. `/star practice` starts a new one.',
      );
      return;
    }
    if (text.trim() === '') {
      await this.sendNotice(
        msg.teamId,
        msg.channelId,
        msg.threadTs,
        'I found no words to score in that message; write your answer as text.',
      );
      return;
    }
    const kind = session.state === 'probing' ? 'probe' : 'answer';
    const probeIndex = kind === 'probe' ? session.probeIndex : -1;
    const replyId = this.repos.transaction(() => {
      const now = this.clock.now();
      const answer = this.repos.answers.ensureSlot(
        {
          teamId: msg.teamId,
          userId: msg.userId,
          sessionId: session.id,
          kind,
          probeIndex,
          lp: session.lp,
          level: session.level,
        },
        text,
        null, // scored once, below, from all of the answer's messages
        now,
      );
      if (!this.repos.answers.addMessage(msg.teamId, msg.channelId, msg.ts, answer.id, text, now)) return undefined;
      if (kind === 'answer') this.repos.sessions.setState(session.id, 'answered', -1, now);
      else {
        const scenario = this.requireScenario(session);
        const next = probeIndex + 1;
        if (next < scenario.probes.length) this.repos.sessions.setState(session.id, 'probing', next, now);
        else this.repos.sessions.setState(session.id, 'done', probeIndex, now);
      }
      return this.refreshFeedback(answer.id, session.id);
    });
    if (replyId !== undefined) await this.outbox.deliver(replyId);
  }

  /** An edited message: its answer is scored again and the feedback message updated in place. */
  async handleEdit(teamId: string, channelId: string, messageTs: string, newText: string): Promise<void> {
    const replyId = this.repos.transaction(() => {
      const stored = this.repos.answers.findMessage(teamId, channelId, messageTs);
      if (!stored || stored.deleted) return undefined;
      if (stored.text === newText.slice(0, MAX_ANSWER_CHARS)) return undefined; // an unfurl or other non-edit change
      this.repos.answers.updateMessage(teamId, channelId, messageTs, { text: newText.slice(0, MAX_ANSWER_CHARS) });
      const answer = this.repos.answers.get(stored.answerId);
      return answer ? this.refreshFeedback(answer.id, answer.sessionId) : undefined;
    });
    if (replyId !== undefined) await this.outbox.deliver(replyId);
  }

  /** A deleted message leaves its answer; an answer with no messages left no longer counts. */
  async handleDelete(teamId: string, channelId: string, deletedTs: string): Promise<void> {
    const replyId = this.repos.transaction(() => {
      const stored = this.repos.answers.findMessage(teamId, channelId, deletedTs);
      if (!stored || stored.deleted) return undefined;
      this.repos.answers.updateMessage(teamId, channelId, deletedTs, { deleted: true });
      const answer = this.repos.answers.get(stored.answerId);
      return answer ? this.refreshFeedback(answer.id, answer.sessionId) : undefined;
    });
    if (replyId !== undefined) await this.outbox.deliver(replyId);
  }

  /** The "Follow-up questions" button: asks the first probe (once, however often it is clicked). */
  async startProbes(teamId: string, userId: string, sessionId: number): Promise<'started' | 'already' | 'not-found'> {
    const session = this.repos.sessions.get(teamId, sessionId);
    if (!session || session.userId !== userId) return 'not-found';
    const scenario = this.requireScenario(session);
    const ids = this.repos.transaction(() => {
      const now = this.clock.now();
      if (!this.repos.sessions.transition(session.id, 'answered', 'probing', 0, now)) return undefined;
      const answer = this.repos.answers.findSlot(session.id, 'answer', -1);
      const feedbackId = answer ? this.refreshFeedback(answer.id, session.id) : undefined;
      const probe = this.repos.replies.enqueue(
        {
          teamId,
          channelId: session.channelId,
          threadTs: session.questionTs,
          purpose: 'notice',
          sessionId: session.id,
        },
        probeQuestionMessage(scenario.probes[0], 0, scenario.probes.length),
        now,
      );
      return [feedbackId, probe.id].filter((id): id is number => id !== undefined);
    });
    if (!ids) return 'already';
    for (const id of ids) await this.outbox.deliver(id);
    return 'started';
  }

  /** A structured answer from the modal counts as one more message of the session's answer. */
  async submitForm(
    teamId: string,
    userId: string,
    sessionId: number,
    values: Partial<Record<StarPart, string>>,
    submittedAt: string,
  ): Promise<void> {
    const session = this.repos.sessions.get(teamId, sessionId);
    if (!session || session.userId !== userId || !session.questionTs) return;
    const text = formAnswerText(values);
    // Stored and scored first; the echo of what was submitted follows the feedback.
    await this.handleMessage({
      teamId,
      channelId: session.channelId,
      userId,
      ts: `form-${submittedAt}`,
      threadTs: session.questionTs,
      text,
    });
    await this.sendNotice(
      teamId,
      session.channelId,
      session.questionTs,
      `*Your answer from the form (scored above):*\n${text}`,
    );
  }

  private async sendNotice(teamId: string, channelId: string, threadTs: string | null, text: string): Promise<void> {
    const reply = this.repos.replies.enqueue(
      { teamId, channelId, threadTs, purpose: 'notice' },
      notice(text),
      this.clock.now(),
    );
    await this.outbox.deliver(reply.id);
  }

  private requireScenario(session: PracticeSession): Scenario {
    const scenario = this.scenarios.get(session.scenarioId);
    if (!scenario)
      throw new Error(`scenario ${session.scenarioId} of session ${session.id} is no longer in the library`);
    return scenario;
  }

  private score(session: PracticeSession, kind: 'answer' | 'probe', probeIndex: number, text: string) {
    const scenario = this.requireScenario(session);
    return kind === 'answer'
      ? scoreAnswer(text, { scenario, level: session.level })
      : scoreAnswer(text, {
          scenario,
          level: session.level,
          kind: 'probe',
          question: scenario.probes[probeIndex]?.question,
        });
  }

  /**
   * Re-scores an answer from its live messages and stores the new feedback (to be posted, or to
   * update the message already posted). Runs inside the caller's transaction; returns the reply id.
   */
  private refreshFeedback(answerId: number, sessionId: number): number {
    const now = this.clock.now();
    const answer = this.repos.answers.get(answerId) as AnswerRow;
    const session = this.repos.sessions.get(answer.teamId, sessionId) as PracticeSession;
    const scenario = this.requireScenario(session);
    const messages = this.repos.answers.liveMessages(answerId);
    const target = {
      teamId: answer.teamId,
      channelId: session.channelId,
      threadTs: session.questionTs,
      sessionId,
      answerId,
    };
    if (messages.length === 0) {
      this.repos.answers.markDeleted(answerId, now);
      return this.repos.replies.upsertFeedback(target, deletedAnswerMessage(), now).id;
    }
    const text = messages.map((m) => m.text).join('\n\n');
    const result = this.score(session, answer.kind, answer.probeIndex, text);
    this.repos.answers.rescore(answerId, text, result, now);
    if (answer.kind === 'answer') {
      const body = feedbackMessage(result, {
        sessionId,
        probeCount: scenario.probes.length,
        probesStarted: session.state === 'probing' || session.state === 'done',
        messages: messages.length,
      });
      return this.repos.replies.upsertFeedback(target, body, now).id;
    }
    const nextIndex = answer.probeIndex + 1;
    const next =
      nextIndex < scenario.probes.length
        ? { probe: scenario.probes[nextIndex], index: nextIndex, total: scenario.probes.length }
        : undefined;
    return this.repos.replies.upsertFeedback(
      target,
      probeFeedbackMessage(result, scenario.probes[answer.probeIndex], next),
      now,
    ).id;
  }
}
