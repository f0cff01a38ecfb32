// The one answer-recording use case, for DM practice and channel prompts alike: a message is
// stored with its answer, the answer re-scored from all its messages, the session moved on, and
// the replies queued, in one repository transaction; edits and deletes re-score the same way.
// What differs between the modes is the feedback policy (./feedback-policy.ts).
import type { Clock } from '../clock.js';
import type { MessageContent, SessionMode } from '../core/domain.js';
import { chooseProbes } from '../core/probes.js';
import type { CatalogProbe, CatalogQuestion } from '../core/questions.js';
import { type RubricResult, scoreAnswer } from '../core/rubric/index.js';
import { type AnswerSlot, advance, eventFor, MAIN_ANSWER } from '../core/session.js';
import { analyseSpokenAnswer, type SpokenTiming } from '../core/spoken.js';
import type { VttCue } from '../core/vtt.js';
import type { AnswerPlan, NewReply, Repositories } from '../db/ports.js';
import type { Logger } from '../logger.js';
import { MAX_BUTTON_VALUE } from '../messages/blocks.js';
import { notice, useAsAnswerMessage } from '../messages/practice.js';
import { withSpokenTiming } from '../messages/spoken.js';
import { withSaveStory } from '../messages/stories.js';
import { type AnswerChange, type FeedbackPolicy, feedbackPolicies, probeCount } from './feedback-policy.js';
import type { Outbox } from './outbox.js';

/** A message as the listeners hand it over. */
export interface IncomingMessage {
  teamId: string;
  channelId: string;
  userId: string;
  ts: string;
  threadTs?: string;
  text: string;
  /** A spoken answer (a clip): its transcript cues, and the clip's length when Slack gave it. */
  spoken?: SpokenInput;
}

export interface SpokenInput {
  cues: readonly VttCue[];
  clipSeconds?: number;
  /** The Slack file of the clip. */
  fileId: string;
}

/**
 * Slack's own limit for a message, and the limit of a whole answer however many messages it is
 * made of: a message is cut to it before it is stored, and only this much of an answer is scored,
 * so the work per message is bounded however long the answer grows.
 */
export const MAX_ANSWER_CHARS = 40_000;
/** Messages one answer may be made of; later ones are refused with a notice (edit one instead). */
export const MAX_MESSAGES_PER_ANSWER = 25;
/**
 * A DM message outside the thread this long, with nothing answered yet, is the answer: shorter
 * ones ("hi", "one sec") are offered with a button instead.
 */
export const DIRECT_ANSWER_MIN_WORDS = 15;

/** Why a new message was not added to its answer. */
type Refusal = 'too-many-messages' | 'answer-full';

const REFUSAL_NOTICE: Record<Refusal, string> = {
  'too-many-messages': `This answer already has ${MAX_MESSAGES_PER_ANSWER} messages, so I did not add that one. Edit one of your messages instead.`,
  'answer-full': `This answer already has ${MAX_ANSWER_CHARS.toLocaleString('en')} characters, so I did not add that message. Edit your answer to make room.`,
};

export interface AnswerServiceDeps {
  repos: Pick<Repositories, 'answers' | 'sessions' | 'prompts' | 'replies' | 'schedules' | 'users' | 'clips'>;
  catalog: ReadonlyMap<string, CatalogQuestion>;
  outbox: Outbox;
  clock: Clock;
  logger: Logger;
  /** Private channel mode reacts with the verdict's colour (STAR_VERDICT_REACTIONS); off by default. */
  verdictReactions?: boolean;
}

/** Scores a main answer against its question. */
function scoreMain(question: CatalogQuestion, level: RubricResult['level'], text: string): RubricResult {
  return scoreAnswer(text, { scenario: question.scenario, lp: question.lp, level, question: question.question });
}

/** The follow-ups a session asks, chosen from its main answer (the same answer always gets the same ones). */
export function sessionProbes(
  question: CatalogQuestion,
  mode: SessionMode,
  main: { text: string; result: RubricResult },
): CatalogProbe[] {
  return chooseProbes(question, main, probeCount(question, mode));
}

export class AnswerService {
  private readonly policies: Record<SessionMode, FeedbackPolicy>;
  constructor(private readonly deps: AnswerServiceDeps) {
    this.policies = feedbackPolicies({ verdictReactions: deps.verdictReactions ?? false });
  }

  /**
   * A new message in a DM with the bot: an answer when it is in a session's thread. Outside the
   * thread, with a question open: scored as its answer when that is unambiguous (nothing answered
   * yet, and long enough to be an answer), else offered as the answer with one button. Never
   * dropped in silence.
   */
  async receiveDm(msg: IncomingMessage): Promise<void> {
    if (!msg.threadTs || msg.threadTs === msg.ts) {
      await this.receiveDmOutsideThread(msg);
      return;
    }
    const { repos } = this.deps;
    const session = await repos.sessions.findByThread(msg.teamId, msg.channelId, msg.threadTs, msg.userId);
    if (!session) return;
    const inThread = {
      teamId: msg.teamId,
      channelId: msg.channelId,
      threadTs: msg.threadTs,
      purpose: 'notice' as const,
    };
    const text = msg.text.slice(0, MAX_ANSWER_CHARS);
    if (session.state === 'done') {
      await this.notice(inThread, 'This session is finished. `/star practice` starts a new one.');
      return;
    }
    if (text.trim() === '') {
      await this.notice(inThread, 'I found no words to score in that message; write your answer as text.');
      return;
    }
    const refused: { reason?: Refusal } = {};
    const timing = this.measure(msg.spoken, session.scenarioId, session.level);
    const ids = await repos.answers.addMessage(
      {
        teamId: msg.teamId,
        channelId: msg.channelId,
        userId: msg.userId,
        messageTs: msg.ts,
        threadTs: msg.threadTs,
        text,
      },
      this.plan('new', refused, timing),
      this.deps.clock.now(),
    );
    if (ids) await this.keepTiming(msg, true, timing);
    if (ids) this.deps.outbox.dispatch(ids);
    else if (refused.reason) await this.notice(inThread, REFUSAL_NOTICE[refused.reason]);
  }

  private async receiveDmOutsideThread(msg: IncomingMessage): Promise<void> {
    const open = await this.deps.repos.sessions.latestOpenInDm(msg.teamId, msg.channelId, msg.userId);
    const topLevel = { teamId: msg.teamId, channelId: msg.channelId, threadTs: null, purpose: 'notice' as const };
    if (!open?.questionTs) {
      await this.notice(
        topLevel,
        'I have no question open for you. `/star practice` sends one; then answer in its thread (or right here).',
      );
      return;
    }
    if (msg.text.trim() === '') return;
    const offer = JSON.stringify({ s: open.id, ts: msg.ts, t: msg.text });
    const direct =
      (open.state === 'asked' && msg.text.trim().split(/\s+/).length >= DIRECT_ANSWER_MIN_WORDS) ||
      offer.length > MAX_BUTTON_VALUE;
    if (direct) {
      await this.receiveDm({ ...msg, threadTs: open.questionTs });
      return;
    }
    const question = this.deps.catalog.get(open.scenarioId)?.question ?? 'your open question';
    const content = useAsAnswerMessage(question, open.state === 'probing' ? open.probeIndex : undefined, offer);
    const reply = await this.deps.repos.replies.enqueue(topLevel, content, this.deps.clock.now());
    this.deps.outbox.dispatch([reply.id]);
  }

  /** *Use as my answer*: the message offered outside the thread joins the open session's answer. */
  async useAsAnswer(teamId: string, userId: string, value: string): Promise<'scored' | 'not-found'> {
    let offer: { s: number; ts: string; t: string };
    try {
      offer = JSON.parse(value);
    } catch {
      return 'not-found';
    }
    const session = await this.deps.repos.sessions.get(teamId, Number(offer.s));
    if (!session || session.userId !== userId || !session.questionTs || typeof offer.t !== 'string') return 'not-found';
    await this.receiveDm({
      teamId,
      channelId: session.channelId,
      userId,
      ts: String(offer.ts),
      threadTs: session.questionTs,
      text: offer.t,
    });
    return 'scored';
  }

  /**
   * A reply in a channel thread: an answer (or follow-up answer) when the thread is one of our
   * prompts. True when it was a reply to a prompt (scored, refused or told why).
   */
  async receiveInChannel(msg: IncomingMessage): Promise<boolean> {
    if (!msg.threadTs || msg.threadTs === msg.ts) return false;
    const { repos, catalog } = this.deps;
    const prompt = await repos.prompts.findByThread(msg.teamId, msg.channelId, msg.threadTs);
    const question = prompt ? catalog.get(prompt.questionId) : undefined;
    if (!prompt || !question) return false;
    if (await repos.answers.findMessage(msg.teamId, msg.channelId, msg.ts)) return true; // seen already
    const existing = await repos.sessions.findByThread(msg.teamId, msg.channelId, msg.threadTs, msg.userId);
    if (existing?.state === 'done') {
      await this.notice(
        {
          teamId: msg.teamId,
          channelId: msg.channelId,
          threadTs: msg.threadTs,
          purpose: 'notice',
          delivery: 'ephemeral',
          target: msg.userId,
        },
        'Your answer and your follow-up are already scored. Edit either message to have it scored again.',
      );
      return true;
    }
    const text = msg.text.slice(0, MAX_ANSWER_CHARS);
    if (text.trim() === '') return true;
    // The channel's level when it sets one, else the person's own.
    const level =
      existing?.level ??
      (await repos.schedules.get(msg.teamId, msg.channelId))?.level ??
      (await repos.users.get(msg.teamId, msg.userId)).level;
    const refused: { reason?: Refusal } = {};
    const timing = this.measure(msg.spoken, question.id, level);
    const ids = await repos.answers.addMessage(
      {
        teamId: msg.teamId,
        channelId: msg.channelId,
        userId: msg.userId,
        messageTs: msg.ts,
        threadTs: msg.threadTs,
        text,
        newSession: {
          teamId: msg.teamId,
          userId: msg.userId,
          channelId: msg.channelId,
          scenarioId: question.id,
          lp: question.lp,
          level,
          promptId: prompt.id,
        },
      },
      this.plan('new', refused, timing),
      this.deps.clock.now(),
    );
    if (ids) await this.keepTiming(msg, false, timing);
    if (ids) this.deps.outbox.dispatch(ids);
    else if (refused.reason)
      await this.notice(
        {
          teamId: msg.teamId,
          channelId: msg.channelId,
          threadTs: msg.threadTs,
          purpose: 'notice',
          delivery: 'ephemeral',
          target: msg.userId,
        },
        REFUSAL_NOTICE[refused.reason],
      );
    return true;
  }

  /** An edited message: its answer is scored again and the feedback given again (updated in place where it can be). */
  async edit(teamId: string, channelId: string, messageTs: string, newText: string): Promise<boolean> {
    return this.revise(teamId, channelId, messageTs, { text: newText.slice(0, MAX_ANSWER_CHARS) });
  }

  /** A deleted message leaves its answer; an answer with no message left no longer counts. */
  async remove(teamId: string, channelId: string, messageTs: string): Promise<boolean> {
    return this.revise(teamId, channelId, messageTs, { deleted: true });
  }

  /** The *Follow-up questions* button: asks the first probe, once however often it is pressed. */
  async startProbes(teamId: string, userId: string, sessionId: number): Promise<'started' | 'already' | 'not-found'> {
    const { repos } = this.deps;
    const session = await repos.sessions.get(teamId, sessionId);
    if (!session || session.userId !== userId) return 'not-found';
    const ids = await repos.answers.refresh(
      teamId,
      sessionId,
      MAIN_ANSWER,
      this.plan('probes-started', undefined, await repos.clips.timingFor(teamId, { sessionId })),
      this.deps.clock.now(),
    );
    if (!ids) return 'already';
    this.deps.outbox.dispatch(ids);
    return 'started';
  }

  private async revise(
    teamId: string,
    channelId: string,
    messageTs: string,
    change: { text: string } | { deleted: true },
  ): Promise<boolean> {
    // A clip answer keeps its measured delivery when an edit of another of its messages re-scores it.
    const timing =
      'text' in change ? await this.deps.repos.clips.timingFor(teamId, { channelId, messageTs }) : undefined;
    const ids = await this.deps.repos.answers.reviseMessage(
      { teamId, channelId, messageTs },
      change,
      this.plan('edited', undefined, timing),
      this.deps.clock.now(),
    );
    if (!ids) return false;
    this.deps.outbox.dispatch(ids);
    return true;
  }

  /** A clip's measured delivery against the question's targets at the session's level. */
  private measure(spoken: SpokenInput | undefined, questionId: string, level: RubricResult['level']) {
    if (!spoken) return undefined;
    const question = this.deps.catalog.get(questionId);
    return analyseSpokenAnswer(
      spoken.cues,
      { scenario: question?.scenario, lp: question?.lp, level, question: question?.question },
      spoken.clipSeconds,
    ).timing;
  }

  /** Keeps a scored clip's timing, so feedback rendered again later still shows it. */
  private async keepTiming(msg: IncomingMessage, inDm: boolean, timing: SpokenTiming | undefined): Promise<void> {
    if (!timing || !msg.spoken || !msg.threadTs) return;
    await this.deps.repos.clips.recordTiming(
      {
        teamId: msg.teamId,
        channelId: msg.channelId,
        userId: msg.userId,
        messageTs: msg.ts,
        threadTs: msg.threadTs,
        fileId: msg.spoken.fileId,
        inDm,
      },
      timing,
      this.deps.clock.now(),
    );
  }

  /**
   * The plan run inside the repository's transaction: moves the session on, scores the answer
   * from all its live messages, and asks the mode's policy for the replies (with a clip's
   * measured delivery when `spoken` is given, and the Save to my stories button on feedback).
   */
  private plan(change: AnswerChange, refused?: { reason?: Refusal }, spoken?: SpokenTiming): AnswerPlan {
    return (draft) => {
      const question = this.deps.catalog.get(draft.session.scenarioId);
      if (!question) {
        this.deps.logger.warn(
          `session ${draft.session.id}: question ${draft.session.scenarioId} is no longer in the library`,
        );
        return undefined;
      }
      const policy = this.policies[draft.session.mode];
      const slot: AnswerSlot =
        draft.answer.kind === 'answer' ? MAIN_ANSWER : { kind: 'probe', probeIndex: draft.answer.probeIndex };
      const event = change === 'new' ? eventFor(slot) : change === 'probes-started' ? 'probes-started' : undefined;
      const progress = event ? advance(draft.session, event, policy.plan(question)) : undefined;
      if (change === 'probes-started' && !progress) return undefined;
      if (draft.texts.length === 0) return { score: undefined, progress, replies: policy.gone(draft) };
      if (change === 'new' && refused) {
        // The new message is the last of the texts; the ones before it are the answer so far.
        const before = draft.texts.slice(0, -1);
        if (before.length >= MAX_MESSAGES_PER_ANSWER) refused.reason = 'too-many-messages';
        else if (before.join('\n\n').length >= MAX_ANSWER_CHARS) refused.reason = 'answer-full';
        if (refused.reason) return undefined;
      }
      const text = draft.texts.join('\n\n').slice(0, MAX_ANSWER_CHARS);
      const level = draft.session.level;
      const mode = draft.session.mode;
      let result: RubricResult;
      let probes: CatalogProbe[];
      if (slot.kind === 'answer') {
        result = scoreMain(question, level, text);
        probes = sessionProbes(question, mode, { text, result });
      } else {
        const mainText = draft.mainText ?? '';
        probes = sessionProbes(question, mode, { text: mainText, result: scoreMain(question, level, mainText) });
        result = scoreAnswer(text, {
          scenario: question.scenario,
          lp: question.lp,
          level,
          kind: 'probe',
          question: probes[slot.probeIndex]?.question,
        });
      }
      const replies = policy.feedback({
        draft,
        question,
        slot,
        result,
        probes,
        progress: progress ?? draft.session,
        change,
      });
      if (spoken && slot.kind === 'answer') {
        // A clip: the feedback also shows the real timing of the clip itself, from its cue times.
        for (const reply of replies)
          if (reply.kind === 'feedback' || reply.kind === 'ephemeral')
            reply.content = withSpokenTiming(reply.content, spoken);
      }
      if (slot.kind === 'answer')
        for (const reply of replies)
          if (reply.kind === 'feedback' || reply.kind === 'ephemeral')
            reply.content = withSaveStory(reply.content, draft.answer.id);
      return { score: { text, result }, progress, replies };
    };
  }

  private async notice(to: NewReply, text: string): Promise<void> {
    const content: MessageContent = notice(text);
    const reply = await this.deps.repos.replies.enqueue(to, content, this.deps.clock.now());
    this.deps.outbox.dispatch([reply.id]);
  }
}
