// What an answer's stored columns and queued replies are, whatever the SQL dialect: both backends
// write exactly these values, so they are decided here once.
import type { MessageContent, PracticeSession } from '../core/domain.js';
import type { RubricResult } from '../core/rubric/index.js';
import type { NewReply, ReplyDraft } from './ports.js';

export function scoreColumns(text: string, result: RubricResult) {
  return {
    text,
    overall: result.overall,
    verdict: result.verdict,
    dimensions: result.dimensions,
    flags: result.flags.map((f) => ({ id: f.id, quote: f.quote.slice(0, 200) })),
    rubricVersion: result.rubricVersion,
  };
}

/** A feedback reply replaces the answer's earlier feedback; every other kind is a new row. */
/** What a feedback reply row is keyed and addressed by (one per answer). */
export interface FeedbackReplyValues {
  teamId: string;
  channelId: string;
  threadTs: string | null;
  sessionId: number;
  answerId: number;
  delivery?: 'dm';
  target?: string;
}

export type QueuedReply =
  | {
      feedback: true;
      values: FeedbackReplyValues;
      content: MessageContent;
    }
  | { feedback: false; values: NewReply & { answerId?: number; targetTs?: string }; content: MessageContent };

/** The outbox row a reply draft becomes. */
export function queuedReply(session: PracticeSession, answerId: number, draft: ReplyDraft): QueuedReply {
  const base = {
    teamId: session.teamId,
    channelId: session.channelId,
    threadTs: session.questionTs,
    sessionId: session.id,
  };
  switch (draft.kind) {
    case 'feedback':
      return {
        feedback: true,
        values: draft.dm
          ? { ...base, threadTs: null, answerId, delivery: 'dm', target: draft.dm }
          : { ...base, answerId },
        content: draft.content,
      };
    case 'message':
      return { feedback: false, values: { ...base, purpose: 'notice' }, content: draft.content };
    case 'ephemeral':
      return {
        feedback: false,
        values: { ...base, purpose: 'notice', delivery: 'ephemeral', target: draft.userId },
        content: draft.content,
      };
    case 'reaction':
      return {
        feedback: false,
        values: {
          ...base,
          purpose: 'reaction',
          delivery: draft.remove ? 'unreact' : 'react',
          target: draft.emoji,
          targetTs: draft.messageTs,
        },
        content: { text: '', blocks: [] },
      };
  }
}
