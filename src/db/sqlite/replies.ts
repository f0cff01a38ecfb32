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
import type { Db } from './open.js';
import { param, preparedOnce, setParam } from './prepared.js';
import { answers, practiceSessions, prompts, replies } from './schema.js';
import { decline, type SqliteStore } from './store.js';

// The queries every reply's delivery makes, prepared once (prepared.ts).
/** What a claim and a sent mark decide on, without reading (and parsing) the message body. */
const replyStateById = preparedOnce((db) =>
  db
    .select({
      status: replies.status,
      updatedAt: replies.updatedAt,
      dirty: replies.dirty,
      purpose: replies.purpose,
      answerId: replies.answerId,
      sessionId: replies.sessionId,
      sentTs: replies.sentTs,
    })
    .from(replies)
    .where(eq(replies.id, param('id')))
    .prepare(),
);

const markSending = preparedOnce((db) =>
  db
    .update(replies)
    .set({ status: 'sending', updatedAt: setParam('at') })
    .where(eq(replies.id, param('id')))
    .returning()
    .prepare(),
);

/** Replies to send now: pending or failed ones whose time has come, and sends abandoned past their lease. */
const dueReplies = preparedOnce((db) =>
  db
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
        and(inArray(replies.status, ['pending', 'failed']), lte(replies.nextAttemptAt, param('at'))),
        and(eq(replies.status, 'sending'), lte(replies.updatedAt, param('expired'))),
      ),
    )
    .orderBy(asc(replies.id))
    .limit(param('limit'))
    .prepare(),
);

const firstWaiting = preparedOnce((db) =>
  db
    .select({ at: min(replies.nextAttemptAt) })
    .from(replies)
    .where(inArray(replies.status, ['pending', 'failed']))
    .prepare(),
);

const firstSending = preparedOnce((db) =>
  db
    .select({ at: min(replies.updatedAt) })
    .from(replies)
    .where(eq(replies.status, 'sending'))
    .prepare(),
);

/** The columns every successful send resets. */
const SENT_RESET = { dirty: false, attempts: 0, lastError: null, failingSince: null } as const;

const sentAndEmptied = preparedOnce((db) =>
  db
    .update(replies)
    .set({
      ...SENT_RESET,
      sentTs: setParam('sentTs'),
      text: '',
      blocks: [],
      status: 'sent',
      nextAttemptAt: setParam('at'),
      updatedAt: setParam('at'),
    })
    .where(eq(replies.id, param('id')))
    .prepare(),
);

const sentWithNewContent = preparedOnce((db) =>
  db
    .update(replies)
    .set({
      ...SENT_RESET,
      sentTs: setParam('sentTs'),
      status: 'pending',
      nextAttemptAt: setParam('at'),
      updatedAt: setParam('at'),
    })
    .where(eq(replies.id, param('id')))
    .prepare(),
);

const feedbackTsOf = preparedOnce((db) =>
  db
    .select({ ts: answers.feedbackTs })
    .from(answers)
    .where(eq(answers.id, param('answerId')))
    .prepare(),
);

const storeFeedbackTs = preparedOnce((db) =>
  db
    .update(answers)
    .set({ feedbackTs: setParam('sentTs') })
    .where(eq(answers.id, param('answerId')))
    .prepare(),
);

// Statements other repositories run inside their own transactions (an answer and its feedback,
// a prompt and its message are stored together).

/** Every column a new reply sets (the rest keep their defaults), as placeholders of one prepared insert. */
const NEW_REPLY = {
  teamId: param('teamId'),
  channelId: param('channelId'),
  threadTs: param('threadTs'),
  purpose: param('purpose'),
  delivery: param('delivery'),
  target: param('target'),
  targetTs: param('targetTs'),
  sessionId: param('sessionId'),
  answerId: param('answerId'),
  text: param('text'),
  blocks: param('blocks'),
  status: 'pending',
  nextAttemptAt: param('at'),
  createdAt: param('at'),
  updatedAt: param('at'),
} as const;

const insertNewReply = preparedOnce((db) => db.insert(replies).values(NEW_REPLY).returning().prepare());

const upsertFeedback = preparedOnce((db) =>
  db
    .insert(replies)
    .values({ ...NEW_REPLY, sentTs: param('sentTs') })
    .onConflictDoUpdate({
      target: [replies.answerId, replies.purpose],
      // A row being sent right now stays claimed by its sender, marked dirty, so that sender
      // delivers the new content next (as chat.update) instead of a second worker posting it again.
      set: {
        text: setParam('text'),
        blocks: setParam('blocks'),
        status: sql`CASE WHEN ${replies.status} = 'sending' THEN 'sending' ELSE 'pending' END`,
        dirty: sql`${replies.status} = 'sending'`,
        attempts: 0,
        nextAttemptAt: setParam('at'),
        lastError: null,
        failingSince: null,
        updatedAt: setParam('at'),
      },
    })
    .returning()
    .prepare(),
);

function newReplyValues(
  values: NewReply & { answerId?: number; targetTs?: string },
  content: MessageContent,
  now: Date,
) {
  return {
    teamId: values.teamId,
    channelId: values.channelId,
    threadTs: values.threadTs,
    purpose: values.purpose,
    delivery: values.delivery ?? 'message',
    target: values.target ?? null,
    targetTs: values.targetTs ?? null,
    sessionId: values.sessionId ?? null,
    answerId: values.answerId ?? null,
    text: content.text,
    blocks: content.blocks,
    at: now.toISOString(),
  };
}

function returned(reply: Reply | undefined): Reply {
  if (!reply) throw new Error('inserting a reply returned no row');
  return reply;
}

export function insertReply(
  db: Db,
  values: NewReply & { answerId?: number; targetTs?: string },
  content: MessageContent,
  now: Date,
): Reply {
  return returned(insertNewReply(db).get(newReplyValues(values, content, now)));
}

/**
 * The feedback reply of an answer, created or given new content. One row per answer: once it was
 * sent, the new content is delivered as an update of the same Slack message.
 */
export function upsertFeedbackReply(db: Db, values: FeedbackReplyValues, content: MessageContent, now: Date): Reply {
  // An answer whose feedback row was pruned still has its message in Slack: update that one.
  const sentTs = feedbackTsOf(db).get({ answerId: values.answerId })?.ts ?? null;
  return returned(
    upsertFeedback(db).get({ ...newReplyValues({ ...values, purpose: 'feedback' }, content, now), sentTs }),
  );
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
      const row = replyStateById(db).get({ id }) ?? decline();
      const open = row.status === 'pending' || row.status === 'failed';
      const abandoned = row.status === 'sending' && row.updatedAt <= expired;
      if (!open && !abandoned) decline();
      const reply = markSending(db).get({ id, at: now.toISOString() });
      if (!reply) throw new Error(`reply ${id} vanished inside its claim`);
      return { reply, interrupted: abandoned };
    });
  }

  async due(now: Date, limit: number): Promise<DueReply[]> {
    const at = now.toISOString();
    const expired = new Date(now.getTime() - this.sendingLeaseMs).toISOString();
    return dueReplies(this.store.db).all({ at, expired, limit });
  }

  async nextDueAt(): Promise<Date | undefined> {
    const waiting = firstWaiting(this.store.db).get()?.at;
    const sending = firstSending(this.store.db).get()?.at;
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
      const row = replyStateById(this.store.db).get({ id });
      if (!row) return false;
      const again = row.dirty;
      // Sent: only the ts is needed from now on (an edit brings new content, and reconciliation
      // after a crash concerns rows still being sent), so the body is not kept, unless new
      // content came while it was being sent (dirty): then it is delivered next, as an update.
      (again ? sentWithNewContent : sentAndEmptied)(this.store.db).run({ id, sentTs, at });
      // An answer keeps its feedback's ts, which outlives the reply row (retention prunes that).
      if (row.purpose === 'feedback' && row.answerId !== null && sentTs)
        storeFeedbackTs(this.store.db).run({ answerId: row.answerId, sentTs });
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
