// How a scored answer is answered, per mode. DM practice: one feedback message per answer, updated
// in place, the probes one at a time after the *Follow-up questions* button. A channel: feedback
// private (ephemeral, plus a verdict reaction on the answer) or public (in the thread), and one
// follow-up asked straight after the answer.
import type { SessionMode } from '../core/domain.js';
import type { CatalogQuestion } from '../core/questions.js';
import type { RubricResult } from '../core/rubric/index.js';
import { type AnswerSlot, probesStarted, type SessionPlan, type SessionProgress } from '../core/session.js';
import type { AnswerDraft, ReplyDraft } from '../db/ports.js';
import {
  channelFeedbackMessage,
  channelProbeFeedbackMessage,
  channelProbeMessage,
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

const dmPolicy: FeedbackPolicy = {
  plan: (question) => ({ probes: question.scenario?.probes.length ?? 0, probesFollowAnswer: false }),
  feedback({ draft, question, slot, result, progress, change }) {
    const probes = question.scenario?.probes ?? [];
    if (slot.kind === 'answer') {
      const replies: ReplyDraft[] = [
        {
          kind: 'feedback',
          content: feedbackMessage(result, {
            sessionId: draft.session.id,
            probeCount: probes.length,
            probesStarted: probesStarted(progress),
            messages: draft.texts.length,
          }),
        },
      ];
      if (change === 'probes-started')
        replies.push({ kind: 'message', content: probeQuestionMessage(probes[0], 0, probes.length) });
      return replies;
    }
    const next = slot.probeIndex + 1;
    return [
      {
        kind: 'feedback',
        content: probeFeedbackMessage(
          result,
          probes[slot.probeIndex],
          next < probes.length ? { probe: probes[next], index: next, total: probes.length } : undefined,
        ),
      },
    ];
  },
  gone: () => [{ kind: 'feedback', content: deletedAnswerMessage() }],
};

const channelPolicy: FeedbackPolicy = {
  plan: (question) => ({ probes: Math.min(1, question.probes.length), probesFollowAnswer: true }),
  feedback({ draft, question, slot, result, progress, change }) {
    const edited = change === 'edited';
    const userId = draft.session.userId;
    // The follow-up stays in a public feedback message for as long as its answer is awaited, so an
    // edit that updates the message does not take the question away.
    const awaitingFirstProbe = !edited || (progress.state === 'probing' && progress.probeIndex === 0);
    const probe = slot.kind === 'answer' && awaitingFirstProbe ? question.probes[0] : undefined;
    const feedback =
      slot.kind === 'answer'
        ? channelFeedbackMessage(result, userId, draft.prompt?.feedback === 'public' ? probe : undefined, edited)
        : channelProbeFeedbackMessage(result, userId, question.probes[slot.probeIndex], edited);
    if (draft.prompt?.feedback === 'public') return [{ kind: 'feedback', content: feedback }];
    // Private: the channel sees at most one bot message per answer (the follow-up question).
    const replies: ReplyDraft[] = [{ kind: 'ephemeral', content: feedback, userId }];
    if (slot.kind === 'answer') {
      const reaction = VERDICT_REACTION[result.verdict];
      const old = edited ? VERDICT_REACTION[draft.answer.verdict] : undefined;
      const messageTs = draft.messageTs;
      if (messageTs && old && old !== reaction) replies.push({ kind: 'reaction', emoji: old, messageTs, remove: true });
      if (messageTs && old !== reaction) replies.push({ kind: 'reaction', emoji: reaction, messageTs, remove: false });
      if (probe && !edited) replies.push({ kind: 'message', content: channelProbeMessage(userId, probe) });
    }
    return replies;
  },
  gone: (draft) => (draft.prompt?.feedback === 'public' ? [{ kind: 'feedback', content: deletedAnswerMessage() }] : []),
};

export const FEEDBACK_POLICIES: Record<SessionMode, FeedbackPolicy> = { dm: dmPolicy, channel: channelPolicy };
