import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { MessageContent, Reply } from '../../core/domain.js';
import type { NewReply, RepliesRepository } from '../ports.js';
import type { Db } from './open.js';
import { practiceSessions, prompts, replies } from './schema.js';
import type { SqliteStore } from './store.js';

/** A claim older than this is taken to belong to a process that died mid-send. */
const STALE_CLAIM_MS = 5 * 60 * 1000;

// Statements other repositories run inside their own transactions (an answer and its feedback,
// a prompt and its message are stored together).

export function insertReply(
  db: Db,
  values: NewReply & { answerId?: number; targetTs?: string },
  content: MessageContent,
  now: Date,
): Reply {
  const at = now.toISOString();
  return db
    .insert(replies)
    .values({ ...values, ...content, status: 'pending', nextAttemptAt: at, createdAt: at, updatedAt: at })
    .returning()
    .get();
}

/**
 * The feedback reply of an answer, created or given new content. One row per answer: once it was
 * sent, the new content is delivered as an update of the same Slack message.
 */
export function upsertFeedbackReply(
  db: Db,
  values: { teamId: string; channelId: string; threadTs: string | null; sessionId: number; answerId: number },
  content: MessageContent,
  now: Date,
): Reply {
  const at = now.toISOString();
  return db
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

/**
 * New content for a stored reply (a mock's introduction after a button): pending again, so it is
 * delivered as an update once it was sent. A row being sent right now stays with its sender,
 * marked dirty, as in upsertFeedbackReply.
 */
export function reviseReply(db: Db, id: number, content: MessageContent, now: Date): void {
  const at = now.toISOString();
  db.update(replies)
    .set({
      ...content,
      status: sql`CASE WHEN ${replies.status} = 'sending' THEN 'sending' ELSE 'pending' END`,
      dirty: sql`${replies.status} = 'sending'`,
      attempts: 0,
      nextAttemptAt: at,
      lastError: null,
      updatedAt: at,
    })
    .where(eq(replies.id, id))
    .run();
}

export class SqliteReplies implements RepliesRepository {
  constructor(private readonly store: SqliteStore) {}

  async enqueue(values: NewReply, content: MessageContent, now: Date): Promise<Reply> {
    return insertReply(this.store.db, values, content, now);
  }

  async get(id: number): Promise<Reply | undefined> {
    return this.store.db.select().from(replies).where(eq(replies.id, id)).get();
  }

  async claim(id: number, now: Date): Promise<Reply | undefined> {
    const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
    return this.store.db
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

  async due(now: Date, limit: number): Promise<number[]> {
    const at = now.toISOString();
    const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
    return this.store.db
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

  async markSent(id: number, sentTs: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    return this.store.transaction(() => {
      const row = this.store.db.select().from(replies).where(eq(replies.id, id)).get();
      if (!row) return false;
      const again = row.dirty;
      this.store.db
        .update(replies)
        .set({ sentTs, status: again ? 'pending' : 'sent', dirty: false, attempts: 0, lastError: null, updatedAt: at })
        .where(eq(replies.id, id))
        .run();
      // A question's or prompt's ts is the thread its answers arrive in: kept with it on first send.
      if (!row.sentTs && sentTs) {
        if (row.purpose === 'question' && row.sessionId !== null)
          this.store.db
            .update(practiceSessions)
            .set({ questionTs: sentTs, updatedAt: at })
            .where(eq(practiceSessions.id, row.sessionId))
            .run();
        if (row.purpose === 'prompt')
          this.store.db.update(prompts).set({ messageTs: sentTs }).where(eq(prompts.replyId, id)).run();
      }
      return again;
    });
  }

  async markFailed(id: number, error: string, nextAttemptAt: Date, now: Date): Promise<void> {
    this.store.db
      .update(replies)
      .set({
        status: 'failed',
        attempts: sql`${replies.attempts} + 1`,
        lastError: error.slice(0, 500),
        nextAttemptAt: nextAttemptAt.toISOString(),
        updatedAt: now.toISOString(),
      })
      .where(eq(replies.id, id))
      .run();
  }

  async markDead(id: number, error: string, now: Date): Promise<void> {
    this.store.db
      .update(replies)
      .set({ status: 'dead', lastError: `gave up: ${error}`.slice(0, 500), updatedAt: now.toISOString() })
      .where(eq(replies.id, id))
      .run();
  }

  async forSession(sessionId: number): Promise<Reply[]> {
    return this.store.db.select().from(replies).where(eq(replies.sessionId, sessionId)).orderBy(asc(replies.id)).all();
  }
}
