import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../open.js';
import { replies } from '../schema.js';

export type ReplyRow = typeof replies.$inferSelect;
export type ReplyPurpose = ReplyRow['purpose'];

export interface ReplyContent {
  text: string;
  blocks: unknown[];
}

/** A claim older than this is taken to belong to a process that died mid-send. */
const STALE_CLAIM_MS = 5 * 60 * 1000;

export class RepliesRepository {
  constructor(private readonly db: Db) {}

  enqueue(
    values: {
      teamId: string;
      channelId: string;
      threadTs: string | null;
      purpose: ReplyPurpose;
      sessionId?: number;
      answerId?: number;
      delivery?: ReplyRow['delivery'];
      target?: string;
      targetTs?: string;
    },
    content: ReplyContent,
    now: Date,
  ): ReplyRow {
    const at = now.toISOString();
    return this.db
      .insert(replies)
      .values({ ...values, ...content, status: 'pending', nextAttemptAt: at, createdAt: at, updatedAt: at })
      .returning()
      .get();
  }

  /**
   * The feedback reply of an answer, created or given new content. One row per answer: once it was
   * sent, the new content is delivered as an update of the same Slack message.
   */
  upsertFeedback(
    values: { teamId: string; channelId: string; threadTs: string | null; sessionId: number; answerId: number },
    content: ReplyContent,
    now: Date,
  ): ReplyRow {
    const at = now.toISOString();
    return this.db
      .insert(replies)
      .values({
        ...values,
        ...content,
        purpose: 'feedback',
        status: 'pending',
        nextAttemptAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoUpdate({
        target: [replies.answerId, replies.purpose],
        // A row being sent right now stays claimed by its sender, marked dirty, so that sender
        // delivers the new content next (as chat.update) instead of a second worker posting it again.
        set: {
          ...content,
          status: sql`CASE WHEN ${replies.status} = 'sending' THEN 'sending' ELSE 'pending' END`,
          dirty: sql`${replies.status} = 'sending'`,
          attempts: 0,
          nextAttemptAt: at,
          lastError: null,
          updatedAt: at,
        },
      })
      .returning()
      .get();
  }

  get(id: number): ReplyRow | undefined {
    return this.db.select().from(replies).where(eq(replies.id, id)).get();
  }

  /** Takes a reply for sending; false when another worker holds it or it is already sent. */
  claim(id: number, now: Date): ReplyRow | undefined {
    const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
    return this.db
      .update(replies)
      .set({ status: 'sending', updatedAt: now.toISOString() })
      .where(
        and(
          eq(replies.id, id),
          or(
            inArray(replies.status, ['pending', 'failed']),
            and(eq(replies.status, 'sending'), lte(replies.updatedAt, stale)),
          ),
        ),
      )
      .returning()
      .get();
  }

  /** Ids of replies whose next attempt is due. */
  due(now: Date, limit: number): number[] {
    const at = now.toISOString();
    const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
    return this.db
      .select({ id: replies.id })
      .from(replies)
      .where(
        or(
          and(inArray(replies.status, ['pending', 'failed']), lte(replies.nextAttemptAt, at)),
          and(eq(replies.status, 'sending'), lte(replies.updatedAt, stale)),
        ),
      )
      .orderBy(asc(replies.id))
      .limit(limit)
      .all()
      .map((r) => r.id);
  }

  /** Records a delivery. True when new content arrived meanwhile and the reply is pending again. */
  markSent(id: number, sentTs: string, now: Date): boolean {
    const again = this.get(id)?.dirty === true;
    this.db
      .update(replies)
      .set({
        sentTs,
        status: again ? 'pending' : 'sent',
        dirty: false,
        attempts: 0,
        lastError: null,
        updatedAt: now.toISOString(),
      })
      .where(eq(replies.id, id))
      .run();
    return again;
  }

  markFailed(id: number, error: string, nextAttemptAt: Date, now: Date): void {
    const row = this.get(id);
    this.db
      .update(replies)
      .set({
        status: 'failed',
        attempts: (row?.attempts ?? 0) + 1,
        lastError: error.slice(0, 500),
        nextAttemptAt: nextAttemptAt.toISOString(),
        updatedAt: now.toISOString(),
      })
      .where(eq(replies.id, id))
      .run();
  }

  /** Gives up on a reply that can never be delivered (the channel is gone, the message too long). */
  markDead(id: number, error: string, now: Date): void {
    this.db
      .update(replies)
      .set({ status: 'sent', lastError: `gave up: ${error}`.slice(0, 500), updatedAt: now.toISOString() })
      .where(eq(replies.id, id))
      .run();
  }

  forSession(sessionId: number): ReplyRow[] {
    return this.db.select().from(replies).where(eq(replies.sessionId, sessionId)).orderBy(asc(replies.id)).all();
  }
}
