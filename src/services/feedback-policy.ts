// How a scored answer is answered, per mode. DM practice: one feedback message per answer, updated
// in place, the follow-ups one at a time after the *Follow-up questions* button. A channel: one
// follow-up asked with the feedback; in private mode (the default) the feedback goes to the
// person's DM and the channel sees only a neutral "scored" reaction (verdict colours only when the
// workspace turns them on); in public mode a three-line summary in the thread, details on a button.
import type { SessionMode } from '../core/domain.js';
import type { CatalogProbe, CatalogQuestion } from '../core/questions.js';
import type { RubricResult } from '../core/rubric/index.js';
import { type AnswerSlot, probesStarted, type SessionPlan, type SessionProgress } from '../core/session.js';
import type { AnswerDraft, ReplyDraft } from '../db/ports.js';
import {
  channelDmFeedbackMessage,
  channelProbeFeedbackMessage,
  channelSummaryMessage,
  SCORED_REACTION,
  VERDICT_REACTION,
} from '../messages/channel.js';
import {
  deletedAnswerMessage,
  feedbackMessage,
  probeFeedbackMessage,
  probeQuestionMessage,
} from '../messages/practice.js';

/** Why an answer is being answered: a new message, an edit or delete, or the follow-ups starting. */
export type AnswerChange = 'new' | 'edited' | 'probes-started';

export interface Scored {
  draft: AnswerDraft;
  question: CatalogQuestion;
  slot: AnswerSlot;
  result: RubricResult;
  /** The follow-ups chosen for this session's main answer (core/probes.ts). */
  probes: CatalogProbe[];
  /** The session's state after this change. */
  progress: SessionProgress;
  change: AnswerChange;
}

export interface FeedbackPolicy {
  plan(question: CatalogQuestion): SessionPlan;
  /** The replies for a scored answer. */
  feedback(scored: Scored): ReplyDraft[];
  /** The replies when no message of the answer is left. */
  gone(draft: AnswerDraft): ReplyDraft[];
}

/** How many follow-ups a session asks: three in a DM, one in a channel (when the library has them). */
export const PROBES_PER_SESSION: Record<SessionMode, number> = { dm: 3, channel: 1 };

/** How many follow-ups the question can offer in this mode. */
export function probeCount(question: CatalogQuestion, mode: SessionMode): number {
  const available = new Set([...question.followUps.map((f) => f.question), ...question.probes.map((p) => p.question)]);
  return Math.min(PROBES_PER_SESSION[mode], available.size);
}

export interface PolicyOptions {
  /** Private channel mode shows the verdict's colour as a reaction (off: a neutral "scored" reaction). */
  verdictReactions: boolean;
}

const dmPolicy: FeedbackPolicy = {
  plan: (question) => ({ probes: probeCount(question, 'dm'), probesFollowAnswer: false }),
  feedback({ draft, slot, result, probes, progress, change }) {
    if (slot.kind === 'answer') {
      const replies: ReplyDraft[] = [
        {
          kind: 'feedback',
          content: feedbackMessage(result, {
            sessionId: draft.session.id,
            answerId: draft.answer.id,
            probeCount: probes.length,
            probesStarted: probesStarted(progress),
            messages: draft.texts.length,
            previous: draft.previous,
            tryAgain: true,
          }),
        },
      ];
      if (change === 'probes-started' && probes[0])
        replies.push({ kind: 'message', content: probeQuestionMessage(probes[0], 0, probes.length) });
      return replies;
    }
    const next = slot.probeIndex + 1;
    const probe = probes[slot.probeIndex];
    if (!probe) return [];
    return [
      {
        kind: 'feedback',
        content: probeFeedbackMessage(
          result,
          probe,
          next < probes.length ? { probe: probes[next], index: next, total: probes.length } : undefined,
        ),
      },
    ];
  },
  gone: () => [{ kind: 'feedback', content: deletedAnswerMessage() }],
};

function channelPolicy(options: PolicyOptions): FeedbackPolicy {
  return {
    plan: (question) => ({ probes: probeCount(question, 'channel'), probesFollowAnswer: true }),
    feedback({ draft, slot, result, probes, progress, change }) {
      const edited = change === 'edited';
      const userId = draft.session.userId;
      const channelId = draft.session.channelId;
      const isPublic = draft.prompt?.feedback === 'public';
      // The follow-up stays in the feedback for as long as its answer is awaited, so an edit that
      // updates the message does not take the question away.
      const awaitingFirstProbe = !edited || (progress.state === 'probing' && progress.probeIndex === 0);
      const probe = slot.kind === 'answer' && awaitingFirstProbe ? probes[0] : undefined;
      const answerId = draft.answer.id;
      if (slot.kind !== 'answer') {
        const asked = probes[slot.probeIndex];
        if (!asked) return [];
        const content = channelProbeFeedbackMessage(result, {
          userId,
          channelId,
          answerId,
          probe: asked,
          edited,
        });
        // A follow-up's reply is between the person and the bot, in either mode: its feedback goes
        // to the DM, so the channel gets no second message per person.
        return [{ kind: 'feedback', content, dm: userId }];
      }
      if (isPublic)
        return [{ kind: 'feedback', content: channelSummaryMessage(result, userId, answerId, probe, edited) }];
      // Private: the feedback and the follow-up go to the DM; the channel sees one reaction.
      const replies: ReplyDraft[] = [
        {
          kind: 'feedback',
          dm: userId,
          content: channelDmFeedbackMessage(result, {
            channelId,
            answerId,
            sessionId: draft.session.id,
            probe,
            edited,
          }),
        },
      ];
      const reactionFor = (verdict: RubricResult['verdict']) =>
        options.verdictReactions ? VERDICT_REACTION[verdict] : SCORED_REACTION;
      const reaction = reactionFor(result.verdict);
      const old = edited ? reactionFor(draft.answer.verdict) : undefined;
      const messageTs = draft.messageTs;
      if (messageTs && old && old !== reaction) replies.push({ kind: 'reaction', emoji: old, messageTs, remove: true });
      if (messageTs && old !== reaction) replies.push({ kind: 'reaction', emoji: reaction, messageTs, remove: false });
      return replies;
    },
    gone: (draft) =>
      draft.prompt?.feedback === 'public'
        ? [{ kind: 'feedback', content: deletedAnswerMessage() }]
        : [{ kind: 'feedback', content: deletedAnswerMessage(), dm: draft.session.userId }],
  };
}

/** The policy for each session mode. */
export function feedbackPolicies(options: PolicyOptions): Record<SessionMode, FeedbackPolicy> {
  return { dm: dmPolicy, channel: channelPolicy(options) };
}
