import { and, asc, eq, inArray, lt, lte, min, or, sql } from 'drizzle-orm';
import type { MessageContent, Reply } from '../../core/domain.js';
import type { FeedbackReplyValues } from '../answer-rows.js';
import {
  type ClaimedReply,
  DEFAULT_SENDING_LEASE_MS,
  type DueReply,
  type NewReply,
  type RepliesRepository,
} from '../ports.js';
import { failedState } from '../reply-state.js';
import { answers, practiceSessions, prompts, replies } from './schema.js';
import { decline, first, type PgDb, type PgStore } from './store.js';

// Statements other repositories run inside their own transactions (an answer and its feedback,
// a prompt and its message are stored together).

export async function insertReply(
  db: PgDb,
  values: NewReply & { answerId?: number; targetTs?: string },
  content: MessageContent,
  now: Date,
): Promise<Reply> {
  const at = now.toISOString();
  const [row] = await db
    .insert(replies)
    .values({ ...values, ...content, status: 'pending', nextAttemptAt: at, createdAt: at, updatedAt: at })
    .returning();
  return row;
}

/** The columns that give a stored reply new content; one being sent stays with its sender, marked dirty. */
function revised(content: MessageContent, at: string) {
  return {
    ...content,
    status: sql`CASE WHEN ${replies.status} = 'sending' THEN 'sending' ELSE 'pending' END`,
    dirty: sql`${replies.status} = 'sending'`,
    attempts: 0,
    nextAttemptAt: at,
    lastError: null,
    updatedAt: at,
  };
}

/** The feedback reply of an answer, created or given new content (see the SQLite twin). */
export async function upsertFeedbackReply(
  db: PgDb,
  values: FeedbackReplyValues,
  content: MessageContent,
  now: Date,
): Promise<Reply> {
  const at = now.toISOString();
  // An answer whose feedback row was pruned still has its message in Slack: update that one.
  const sentTs =
    (await first(db.select({ ts: answers.feedbackTs }).from(answers).where(eq(answers.id, values.answerId))))?.ts ??
    null;
  const [row] = await db
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
      set: { ...revised(content, at), failingSince: null },
    })
    .returning();
  return row;
}

/** New content for a stored reply (a mock's introduction after a button), as in the SQLite twin. */
export async function reviseReply(db: PgDb, id: number, content: MessageContent, now: Date): Promise<void> {
  await db.update(replies).set(revised(content, now.toISOString())).where(eq(replies.id, id));
}

export class PgReplies implements RepliesRepository {
  constructor(
    private readonly store: PgStore,
    readonly sendingLeaseMs = DEFAULT_SENDING_LEASE_MS,
  ) {}

  async enqueue(values: NewReply, content: MessageContent, now: Date): Promise<Reply> {
    return insertReply(this.store.db, values, content, now);
  }

  async get(id: number): Promise<Reply | undefined> {
    return first(this.store.db.select().from(replies).where(eq(replies.id, id)));
  }

  async claim(id: number, now: Date): Promise<ClaimedReply | undefined> {
    const expired = new Date(now.getTime() - this.sendingLeaseMs).toISOString();
    return this.store.attempt(async (tx) => {
      // Another instance claiming the same row holds its lock: skip it rather than wait, as that
      // instance will send it (or its claim runs out and a later sweep takes it).
      const row =
        (await first(tx.select().from(replies).where(eq(replies.id, id)).for('update', { skipLocked: true }))) ??
        decline();
      const open = row.status === 'pending' || row.status === 'failed';
      const abandoned = row.status === 'sending' && row.updatedAt <= expired;
      if (!open && !abandoned) decline();
      const [reply] = await tx
        .update(replies)
        .set({ status: 'sending', updatedAt: now.toISOString() })
        .where(eq(replies.id, id))
        .returning();
      return { reply, interrupted: abandoned };
    });
  }

  async due(now: Date, limit: number): Promise<DueReply[]> {
    const at = now.toISOString();
    const expired = new Date(now.getTime() - this.sendingLeaseMs).toISOString();
    return this.store.db
      .select({
        id: replies.id,
        teamId: replies.teamId,
        channelId: replies.channelId,
        delivery: replies.delivery,
        purpose: replies.purpose,
        createdAt: replies.createdAt,
      })
      .from(replies)
      .where(
        or(
          and(inArray(replies.status, ['pending', 'failed']), lte(replies.nextAttemptAt, at)),
          and(eq(replies.status, 'sending'), lte(replies.updatedAt, expired)),
        ),
      )
      .orderBy(asc(replies.id))
      .limit(limit);
  }

  async nextDueAt(): Promise<Date | undefined> {
    const { db } = this.store;
    const waiting = (
      await first(
        db
          .select({ at: min(replies.nextAttemptAt) })
          .from(replies)
          .where(inArray(replies.status, ['pending', 'failed'])),
      )
    )?.at;
    const sending = (
      await first(
        db
          .select({ at: min(replies.updatedAt) })
          .from(replies)
          .where(eq(replies.status, 'sending')),
      )
    )?.at;
    const times = [
      waiting ? Date.parse(waiting) : Number.POSITIVE_INFINITY,
      sending ? Date.parse(sending) + this.sendingLeaseMs : Number.POSITIVE_INFINITY,
    ];
    const next = Math.min(...times);
    return Number.isFinite(next) ? new Date(next) : undefined;
  }

  async deferChannel(teamId: string, channelId: string, until: Date, now: Date): Promise<number> {
    const at = until.toISOString();
    const changed = await this.store.db
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
      .returning({ id: replies.id });
    return changed.length;
  }

  async markSent(id: number, sentTs: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    return this.store.write(async (tx) => {
      const row = await first(tx.select().from(replies).where(eq(replies.id, id)).for('update'));
      if (!row) return false;
      const again = row.dirty;
      await tx
        .update(replies)
        .set({
          sentTs,
          // Sent: only the ts is needed from now on (see the SQLite twin), so the body is not kept.
          ...(again ? {} : { text: '', blocks: [] }),
          status: again ? 'pending' : 'sent',
          dirty: false,
          attempts: 0,
          lastError: null,
          failingSince: null,
          nextAttemptAt: at,
          updatedAt: at,
        })
        .where(eq(replies.id, id));
      // An answer keeps its feedback's ts, which outlives the reply row (retention prunes that).
      if (row.purpose === 'feedback' && row.answerId !== null && sentTs)
        await tx.update(answers).set({ feedbackTs: sentTs }).where(eq(answers.id, row.answerId));
      // A question's or prompt's ts is the thread its answers arrive in: kept with it on first send.
      if (!row.sentTs && sentTs) {
        if (row.purpose === 'question' && row.sessionId !== null)
          await tx
            .update(practiceSessions)
            .set({ questionTs: sentTs, updatedAt: at })
            .where(eq(practiceSessions.id, row.sessionId));
        if (row.purpose === 'prompt')
          await tx.update(prompts).set({ messageTs: sentTs }).where(eq(prompts.replyId, id));
      }
      return again;
    });
  }

  async markFailed(id: number, error: string, nextAttemptAt: Date, now: Date, uncertain = false): Promise<void> {
    await this.store.db
      .update(replies)
      .set({
        ...failedState(uncertain, nextAttemptAt, now, this.sendingLeaseMs),
        attempts: sql`${replies.attempts} + 1`,
        lastError: error.slice(0, 500),
        failingSince: sql`coalesce(${replies.failingSince}, ${now.toISOString()})`,
      })
      .where(eq(replies.id, id));
  }

  async markDead(id: number, error: string, now: Date): Promise<void> {
    await this.store.db
      .update(replies)
      .set({ status: 'dead', lastError: `gave up: ${error}`.slice(0, 500), updatedAt: now.toISOString() })
      .where(eq(replies.id, id));
  }

  async prune(before: Date, limit: number): Promise<number> {
    // Through the (status, updated_at) index, oldest first, a bounded batch per statement.
    const batch = this.store.db
      .select({ id: replies.id })
      .from(replies)
      .where(and(inArray(replies.status, ['sent', 'dead']), lt(replies.updatedAt, before.toISOString())))
      .orderBy(replies.updatedAt)
      .limit(limit);
    const removed = await this.store.db.delete(replies).where(inArray(replies.id, batch)).returning({ id: replies.id });
    return removed.length;
  }

  async forSession(sessionId: number): Promise<Reply[]> {
    return this.store.db.select().from(replies).where(eq(replies.sessionId, sessionId)).orderBy(asc(replies.id));
  }
}
