import type { Clock } from '../clock.js';
import type { Library } from '../content/load-scenarios.js';
import { isLpId, type Level, LP_IDS, type LpId } from '../core/lp.js';
import { buildCatalog, type CatalogQuestion, questionIdsByLp } from '../core/questions.js';
import { nextQuestion } from '../core/rotation.js';
import { type RubricResult, scoreAnswer } from '../core/rubric/index.js';
import { dueSlot, localParts, mightBeDue, type Schedule } from '../core/schedule.js';
import type { Repositories } from '../db/repositories/index.js';
import type { PromptRow } from '../db/repositories/prompts.js';
import type { ScheduleRow } from '../db/repositories/schedules.js';
import type { PracticeSession } from '../db/repositories/sessions.js';
import type { SlackGateway } from '../slack/gateway.js';
import {
  channelFeedbackMessage,
  channelProbeFeedbackMessage,
  channelProbeMessage,
  promptMessage,
  VERDICT_REACTION,
} from '../slack/views/channel.js';
import { deletedAnswerMessage, notice } from '../slack/views/practice.js';
import type { Logger, Outbox } from './outbox.js';
import { MAX_ANSWER_CHARS, type SlackMessage } from './practice.js';

/** Threads of prompts younger than this are read again at start-up for answers missed while down. */
export const CATCH_UP_THREADS_MS = 24 * 60 * 60 * 1000;

export function toSchedule(row: ScheduleRow): Schedule {
  return { minuteOfDay: row.minuteOfDay, timezone: row.timezone, days: row.days };
}

/**
 * Channel practice: scheduled prompts claimed in the database and posted once, teammates'
 * answers in the prompt threads scored with private or public feedback, one follow-up each.
 */
export class ChannelService {
  readonly catalog: Map<string, CatalogQuestion>;
  /** Further claims to post in the same tick, after the prompts (the weekly digests). */
  afterPrompts?: () => number[];
  private readonly idsByLp: Map<string, string[]>;

  constructor(
    private readonly repos: Repositories,
    library: Library,
    private readonly outbox: Outbox,
    private readonly slackFor: (teamId: string) => SlackGateway,
    private readonly clock: Clock,
    private readonly random: () => number,
    private readonly logger: Logger,
    private readonly graceMs: number,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.catalog = buildCatalog(library.scenarios, library.banks);
    this.idsByLp = questionIdsByLp(this.catalog);
    outbox.onFirstSend((reply, ts) => {
      if (reply.purpose === 'prompt') this.repos.prompts.setMessageTs(reply.id, ts);
    });
  }

  /**
   * Claims and stores the prompt for a slot, with its message in the outbox. Returns the reply to
   * deliver, or undefined when the slot was already claimed (by us earlier, or another instance).
   */
  claimPrompt(schedule: ScheduleRow, slotKey: string, slotAt: Date): number | undefined {
    const lps = (schedule.lps.length > 0 ? schedule.lps.filter(isLpId) : [...LP_IDS]) as LpId[];
    return this.repos.transaction(() => {
      const now = this.clock.now();
      const pick = nextQuestion(
        this.repos.prompts.history(schedule.teamId, schedule.channelId),
        lps,
        this.idsByLp,
        this.random,
      );
      if (!pick) return undefined;
      const question = this.catalog.get(pick.questionId) as CatalogQuestion;
      const prompt = this.repos.prompts.claim(
        {
          teamId: schedule.teamId,
          channelId: schedule.channelId,
          slotKey,
          slotAt: slotAt.toISOString(),
          lp: pick.lp,
          questionId: pick.questionId,
          level: schedule.level ?? 'sde2',
          feedback: schedule.feedback,
        },
        now,
      );
      if (!prompt) return undefined;
      const reply = this.repos.replies.enqueue(
        { teamId: schedule.teamId, channelId: schedule.channelId, threadTs: null, purpose: 'prompt' },
        promptMessage(question, schedule.level, schedule.feedback),
        now,
      );
      this.repos.prompts.setReply(prompt.id, reply.id);
      if (!slotKey.startsWith('now:'))
        this.repos.schedules.setLastSlot(schedule.teamId, schedule.channelId, slotAt.toISOString());
      return reply.id;
    });
  }

  /**
   * One minute's work: finds the schedules due now in their own timezones (and slots missed within
   * the grace window), claims each slot, then posts the prompts, pacing on Slack's rate limits.
   */
  async tick(): Promise<{ due: number; claimed: number; posted: number }> {
    const now = this.clock.now();
    const replyIds: number[] = [];
    let due = 0;
    const minuteNow = new Map<string, number>();
    for (const row of this.repos.schedules.enabled()) {
      let local = minuteNow.get(row.timezone);
      if (local === undefined) {
        const parts = localParts(now, row.timezone);
        local = parts.hour * 60 + parts.minute;
        minuteNow.set(row.timezone, local);
      }
      if (!mightBeDue(row.minuteOfDay, local, this.graceMs)) continue;
      const notBefore = new Date(Math.max(Date.parse(row.notBefore), row.lastSlotAt ? Date.parse(row.lastSlotAt) : 0));
      const slot = dueSlot(toSchedule(row), now, notBefore, this.graceMs);
      if (!slot) continue;
      due++;
      const id = this.claimPrompt(row, slot.localDate, slot.at);
      if (id !== undefined) replyIds.push(id);
    }
    const posted = await this.deliverPaced(replyIds);
    if (this.afterPrompts) await this.deliverPaced(this.afterPrompts());
    return { due, claimed: replyIds.length, posted };
  }

  /** Posts a channel's next prompt now (`/star prompt`). */
  async promptNow(schedule: ScheduleRow): Promise<boolean> {
    const now = this.clock.now();
    const id = this.claimPrompt(schedule, `now:${now.toISOString()}`, now);
    return id !== undefined && (await this.deliverPaced([id])) === 1;
  }

  /**
   * Delivers in order. On a 429 everything waits for Slack's Retry-After, then goes on with the same
   * message, so a thousand prompts due in one minute all go out without hammering the API.
   */
  async deliverPaced(ids: readonly number[]): Promise<number> {
    let posted = 0;
    for (const id of ids) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const outcome = await this.outbox.attempt(id);
        if (outcome.kind === 'sent') posted++;
        if (outcome.kind !== 'rate-limited') break;
        await this.sleep(outcome.retryAfterMs);
      }
    }
    return posted;
  }

  /** A reply in a channel thread: an answer or a probe answer when the thread is one of our prompts. */
  async handleThreadReply(msg: SlackMessage): Promise<void> {
    if (!msg.threadTs || msg.threadTs === msg.ts) return;
    const prompt = this.repos.prompts.findByThread(msg.teamId, msg.channelId, msg.threadTs);
    if (!prompt) return;
    const question = this.catalog.get(prompt.questionId);
    if (!question) return;
    const text = msg.text.slice(0, MAX_ANSWER_CHARS);
    if (this.repos.answers.findMessage(msg.teamId, msg.channelId, msg.ts)) return; // seen already
    const existing = this.repos.sessions.findByThread(msg.teamId, msg.channelId, msg.threadTs, msg.userId);
    if (existing?.state === 'done') {
      await this.send(
        this.repos.replies.enqueue(
          {
            teamId: msg.teamId,
            channelId: msg.channelId,
            threadTs: msg.threadTs,
            purpose: 'notice',
            delivery: 'ephemeral',
            target: msg.userId,
          },
          notice('Your answer and your follow-up are already scored. Edit either message to have it scored again.'),
          this.clock.now(),
        ).id,
      );
      return;
    }
    if (text.trim() === '') return;
    const ids = this.repos.transaction(() => {
      const now = this.clock.now();
      const level = this.levelFor(prompt, msg.userId);
      const session =
        existing ??
        this.repos.sessions.create(
          {
            teamId: msg.teamId,
            userId: msg.userId,
            channelId: msg.channelId,
            scenarioId: question.id,
            lp: question.lp,
            level,
            mode: 'channel',
            promptId: prompt.id,
            questionTs: msg.threadTs,
          },
          now,
        );
      const kind = session.state === 'probing' ? 'probe' : 'answer';
      const probeIndex = kind === 'probe' ? session.probeIndex : -1;
      const result = this.score(question, session.level, kind, probeIndex, text);
      const answer = this.repos.answers.ensureSlot(
        {
          teamId: msg.teamId,
          userId: msg.userId,
          sessionId: session.id,
          kind,
          probeIndex,
          lp: question.lp,
          level: session.level,
        },
        text,
        result,
        now,
      );
      if (!this.repos.answers.addMessage(msg.teamId, msg.channelId, msg.ts, answer.id, text, now)) return [];
      const probe = kind === 'answer' ? question.probes[0] : undefined;
      this.repos.sessions.setState(session.id, probe ? 'probing' : 'done', probe ? 0 : probeIndex, now);
      return this.feedbackReplies(prompt, session, answer.id, kind, probeIndex, result, msg.ts, undefined, false);
    });
    for (const id of ids) await this.send(id);
  }

  /** An edit to a channel answer: scored again; private feedback comes again, public is updated. */
  async handleEdit(teamId: string, channelId: string, messageTs: string, newText: string): Promise<boolean> {
    const ids = this.repos.transaction(() => {
      const stored = this.repos.answers.findMessage(teamId, channelId, messageTs);
      if (!stored || stored.deleted) return undefined;
      const answer = this.repos.answers.get(stored.answerId);
      const session = answer ? this.repos.sessions.get(teamId, answer.sessionId) : undefined;
      if (!answer || !session || session.mode !== 'channel' || session.promptId === null) return undefined;
      const text = newText.slice(0, MAX_ANSWER_CHARS);
      if (stored.text === text) return [];
      const prompt = this.repos.prompts.findByThread(teamId, channelId, session.questionTs ?? '');
      const question = this.catalog.get(session.scenarioId);
      if (!prompt || !question) return [];
      const now = this.clock.now();
      this.repos.answers.updateMessage(teamId, channelId, messageTs, { text });
      const result = this.score(question, session.level, answer.kind, answer.probeIndex, text);
      this.repos.answers.rescore(answer.id, text, result, now);
      return this.feedbackReplies(
        prompt,
        session,
        answer.id,
        answer.kind,
        answer.probeIndex,
        result,
        messageTs,
        answer.verdict,
        true,
      );
    });
    if (ids === undefined) return false;
    for (const id of ids) await this.send(id);
    return true;
  }

  /** A deleted channel answer leaves the scores; a public feedback message says so. */
  async handleDelete(teamId: string, channelId: string, deletedTs: string): Promise<boolean> {
    const ids = this.repos.transaction(() => {
      const stored = this.repos.answers.findMessage(teamId, channelId, deletedTs);
      if (!stored || stored.deleted) return undefined;
      const answer = this.repos.answers.get(stored.answerId);
      const session = answer ? this.repos.sessions.get(teamId, answer.sessionId) : undefined;
      if (!answer || !session || session.mode !== 'channel') return undefined;
      const now = this.clock.now();
      this.repos.answers.updateMessage(teamId, channelId, deletedTs, { deleted: true });
      this.repos.answers.markDeleted(answer.id, now);
      const prompt = this.repos.prompts.findByThread(teamId, channelId, session.questionTs ?? '');
      if (prompt?.feedback !== 'public') return [];
      return [
        this.repos.replies.upsertFeedback(
          { teamId, channelId, threadTs: session.questionTs, sessionId: session.id, answerId: answer.id },
          deletedAnswerMessage(),
          now,
        ).id,
      ];
    });
    if (ids === undefined) return false;
    for (const id of ids) await this.send(id);
    return true;
  }

  /**
   * Reads the threads of recent prompts once and answers what arrived while the bot was down.
   * Already-stored messages are skipped, so running it twice changes nothing.
   */
  async catchUpThreads(): Promise<number> {
    let handled = 0;
    const since = new Date(this.clock.now().getTime() - CATCH_UP_THREADS_MS);
    for (const prompt of this.repos.prompts.postedSince(since)) {
      let replies: Awaited<ReturnType<SlackGateway['threadReplies']>>;
      try {
        replies = await this.slackFor(prompt.teamId).threadReplies(prompt.channelId, prompt.messageTs ?? '');
      } catch (err) {
        this.logger.warn(`could not read the thread of prompt ${prompt.id}`, err);
        continue;
      }
      for (const reply of replies) {
        if (!reply.user || reply.botId || (reply.subtype && reply.subtype !== 'thread_broadcast')) continue;
        if (this.repos.answers.findMessage(prompt.teamId, prompt.channelId, reply.ts)) continue;
        // Someone who asked to be forgotten is not re-imported from the messages still in Slack.
        if (this.repos.privacy.forgottenSince(prompt.teamId, reply.user, reply.ts)) continue;
        // After both answers a person's further replies only got a notice; do not repeat it.
        const session = this.repos.sessions.findByThread(
          prompt.teamId,
          prompt.channelId,
          prompt.messageTs ?? '',
          reply.user,
        );
        if (session?.state === 'done') continue;
        await this.handleThreadReply({
          teamId: prompt.teamId,
          channelId: prompt.channelId,
          userId: reply.user,
          ts: reply.ts,
          threadTs: prompt.messageTs ?? '',
          text: reply.text,
        });
        handled++;
      }
    }
    return handled;
  }

  private levelFor(prompt: PromptRow, userId: string): Level {
    const schedule = this.repos.schedules.get(prompt.teamId, prompt.channelId);
    return schedule?.level ?? this.repos.users.get(prompt.teamId, userId).level;
  }

  private score(
    question: CatalogQuestion,
    level: Level,
    kind: 'answer' | 'probe',
    probeIndex: number,
    text: string,
  ): RubricResult {
    return kind === 'answer'
      ? scoreAnswer(text, { scenario: question.scenario, lp: question.lp, level })
      : scoreAnswer(text, {
          scenario: question.scenario,
          lp: question.lp,
          level,
          kind: 'probe',
          question: question.probes[probeIndex]?.question,
        });
  }

  /**
   * The replies for one scored answer, keeping the channel quiet: private feedback is ephemeral
   * plus a verdict reaction, and the follow-up is the one public message; public feedback and the
   * follow-up share one message.
   */
  private feedbackReplies(
    prompt: PromptRow,
    session: PracticeSession,
    answerId: number,
    kind: 'answer' | 'probe',
    probeIndex: number,
    result: RubricResult,
    messageTs: string,
    previousVerdict: string | undefined,
    edited: boolean,
  ): number[] {
    const now = this.clock.now();
    const question = this.catalog.get(prompt.questionId) as CatalogQuestion;
    const base = {
      teamId: prompt.teamId,
      channelId: prompt.channelId,
      threadTs: prompt.messageTs,
      sessionId: session.id,
    };
    // The follow-up stays in a public feedback message for as long as its answer is awaited, so an
    // edit that updates the message does not take the question away.
    const awaitingFirstProbe = !edited || (session.state === 'probing' && session.probeIndex === 0);
    const probe = kind === 'answer' && awaitingFirstProbe ? question.probes[0] : undefined;
    const body =
      kind === 'answer'
        ? channelFeedbackMessage(result, session.userId, prompt.feedback === 'public' ? probe : undefined, edited)
        : channelProbeFeedbackMessage(result, session.userId, question.probes[probeIndex], edited);
    const ids: number[] = [];
    if (prompt.feedback === 'public') {
      ids.push(this.repos.replies.upsertFeedback({ ...base, answerId }, body, now).id);
    } else {
      ids.push(
        this.repos.replies.enqueue(
          { ...base, purpose: 'notice', delivery: 'ephemeral', target: session.userId },
          body,
          now,
        ).id,
      );
      if (kind === 'answer') {
        const reaction = VERDICT_REACTION[result.verdict as keyof typeof VERDICT_REACTION];
        const old = previousVerdict ? VERDICT_REACTION[previousVerdict as keyof typeof VERDICT_REACTION] : undefined;
        if (old && old !== reaction) {
          ids.push(
            this.repos.replies.enqueue(
              { ...base, purpose: 'reaction', delivery: 'unreact', target: old, targetTs: messageTs },
              { text: '', blocks: [] },
              now,
            ).id,
          );
        }
        if (old !== reaction) {
          ids.push(
            this.repos.replies.enqueue(
              { ...base, purpose: 'reaction', delivery: 'react', target: reaction, targetTs: messageTs },
              { text: '', blocks: [] },
              now,
            ).id,
          );
        }
        if (probe && !edited)
          ids.push(
            this.repos.replies.enqueue({ ...base, purpose: 'notice' }, channelProbeMessage(session.userId, probe), now)
              .id,
          );
      }
    }
    return ids;
  }

  private async send(id: number): Promise<void> {
    await this.outbox.deliver(id);
  }
}
