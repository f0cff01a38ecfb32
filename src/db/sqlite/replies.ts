import { and, asc, eq, inArray, lt, lte, min, or, sql } from 'drizzle-orm';
import type { MessageContent, Reply } from '../../core/domain.js';
import {
  type ClaimedReply,
  DEFAULT_SENDING_LEASE_MS,
  type DueReply,
  type NewReply,
  type RepliesRepository,
} from '../ports.js';
import { failedState } from '../reply-state.js';
import type { Db } from './open.js';
import { answers, practiceSessions, prompts, replies } from './schema.js';
import { decline, type SqliteStore } from './store.js';

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
  values: {
    teamId: string;
    channelId: string;
    threadTs: string | null;
    sessionId: number;
    answerId: number;
    delivery?: 'dm';
    target?: string;
  },
  content: MessageContent,
  now: Date,
): Reply {
  const at = now.toISOString();
  // An answer whose feedback row was pruned still has its message in Slack: update that one.
  const sentTs =
    db.select({ ts: answers.feedbackTs }).from(answers).where(eq(answers.id, values.answerId)).get()?.ts ?? null;
  return db
    .insert(replies)
    .values({
      ...values,
      ...content,
      sentTs,
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
        failingSince: null,
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
  constructor(
    private readonly store: SqliteStore,
    readonly sendingLeaseMs = DEFAULT_SENDING_LEASE_MS,
  ) {}

  async enqueue(values: NewReply, content: MessageContent, now: Date): Promise<Reply> {
    return this.store.write(() => insertReply(this.store.db, values, content, now));
  }

  async get(id: number): Promise<Reply | undefined> {
    return this.store.db.select().from(replies).where(eq(replies.id, id)).get();
  }

  async claim(id: number, now: Date): Promise<ClaimedReply | undefined> {
    const expired = new Date(now.getTime() - this.sendingLeaseMs).toISOString();
    const { db } = this.store;
    return this.store.attempt(() => {
      const row = db.select().from(replies).where(eq(replies.id, id)).get() ?? decline();
      const open = row.status === 'pending' || row.status === 'failed';
      const abandoned = row.status === 'sending' && row.updatedAt <= expired;
      if (!open && !abandoned) decline();
      const reply = db
        .update(replies)
        .set({ status: 'sending', updatedAt: now.toISOString() })
        .where(eq(replies.id, id))
        .returning()
        .get();
      return { reply, interrupted: abandoned };
    });
  }

  async due(now: Date, limit: number): Promise<DueReply[]> {
    const at = now.toISOString();
    const expired = new Date(now.getTime() - this.sendingLeaseMs).toISOString();
    return this.store.db
      .select({ id: replies.id, teamId: replies.teamId, channelId: replies.channelId })
      .from(replies)
      .where(
        or(
          and(inArray(replies.status, ['pending', 'failed']), lte(replies.nextAttemptAt, at)),
          and(eq(replies.status, 'sending'), lte(replies.updatedAt, expired)),
        ),
      )
      .orderBy(asc(replies.id))
      .limit(limit)
      .all();
  }

  async nextDueAt(): Promise<Date | undefined> {
    const { db } = this.store;
    const waiting = db
      .select({ at: min(replies.nextAttemptAt) })
      .from(replies)
      .where(inArray(replies.status, ['pending', 'failed']))
      .get()?.at;
    const sending = db
      .select({ at: min(replies.updatedAt) })
      .from(replies)
      .where(eq(replies.status, 'sending'))
      .get()?.at;
    const times = [
      waiting ? Date.parse(waiting) : Number.POSITIVE_INFINITY,
      sending ? Date.parse(sending) + this.sendingLeaseMs : Number.POSITIVE_INFINITY,
    ];
    const next = Math.min(...times);
    return Number.isFinite(next) ? new Date(next) : undefined;
  }

  async deferChannel(teamId: string, channelId: string, until: Date, now: Date): Promise<number> {
    const at = until.toISOString();
    return this.store.write(
      () =>
        this.store.db
          .update(replies)
          .set({ nextAttemptAt: at, updatedAt: now.toISOString() })
          .where(
            and(
              inArray(replies.status, ['pending', 'failed']),
              lt(replies.nextAttemptAt, at),
              eq(replies.teamId, teamId),
              eq(replies.channelId, channelId),
            ),
          )
          .run().changes,
    );
  }

  async markSent(id: number, sentTs: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    return this.store.write(() => {
      const row = this.store.db.select().from(replies).where(eq(replies.id, id)).get();
      if (!row) return false;
      const again = row.dirty;
      this.store.db
        .update(replies)
        .set({
          sentTs,
          // Sent: only the ts is needed from now on (an edit brings new content, and reconciliation
          // after a crash concerns rows still being sent), so the body is not kept.
          ...(again ? {} : { text: '', blocks: [] }),
          status: again ? 'pending' : 'sent',
          dirty: false,
          attempts: 0,
          lastError: null,
          failingSince: null,
          nextAttemptAt: at,
          updatedAt: at,
        })
        .where(eq(replies.id, id))
        .run();
      // An answer keeps its feedback's ts, which outlives the reply row (retention prunes that).
      if (row.purpose === 'feedback' && row.answerId !== null && sentTs)
        this.store.db.update(answers).set({ feedbackTs: sentTs }).where(eq(answers.id, row.answerId)).run();
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

  async markFailed(id: number, error: string, nextAttemptAt: Date, now: Date, uncertain = false): Promise<void> {
    await this.store.write(() =>
      this.store.db
        .update(replies)
        .set({
          ...failedState(uncertain, nextAttemptAt, now, this.sendingLeaseMs),
          attempts: sql`${replies.attempts} + 1`,
          lastError: error.slice(0, 500),
          failingSince: sql`coalesce(${replies.failingSince}, ${now.toISOString()})`,
        })
        .where(eq(replies.id, id))
        .run(),
    );
  }

  async markDead(id: number, error: string, now: Date): Promise<void> {
    await this.store.write(() =>
      this.store.db
        .update(replies)
        .set({ status: 'dead', lastError: `gave up: ${error}`.slice(0, 500), updatedAt: now.toISOString() })
        .where(eq(replies.id, id))
        .run(),
    );
  }

  async prune(before: Date, limit: number): Promise<number> {
    // Through the (status, updated_at) index, oldest first, a bounded batch per transaction.
    return this.store.write(
      () =>
        this.store.db.run(
          sql`DELETE FROM ${replies} WHERE ${replies.id} IN (SELECT ${replies.id} FROM ${replies}
              WHERE ${replies.status} IN ('sent', 'dead') AND ${replies.updatedAt} < ${before.toISOString()}
              ORDER BY ${replies.updatedAt} LIMIT ${limit})`,
        ).changes,
    );
  }

  async forSession(sessionId: number): Promise<Reply[]> {
    return this.store.db.select().from(replies).where(eq(replies.sessionId, sessionId)).orderBy(asc(replies.id)).all();
  }
}
