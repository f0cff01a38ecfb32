import { and, asc, desc, eq, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { ClipStatus } from '../../core/clips.js';
import type { SpokenTiming } from '../../core/spoken.js';
import type { ClipsRepository, PendingClip } from '../ports.js';
import { answerMessages, answers, voiceClips } from './schema.js';
import type { SqliteStore } from './store.js';

type Row = typeof voiceClips.$inferSelect;

function toClip(row: Row): PendingClip {
  const { nextCheckAt: _n, claimedUntil: _c, updatedAt: _u, timing: _t, ...clip } = row;
  return clip;
}

export class SqliteClips implements ClipsRepository {
  constructor(private readonly store: SqliteStore) {}

  async addPending(
    clip: Omit<PendingClip, 'id' | 'status' | 'checks' | 'createdAt'>,
    nextCheckAt: Date,
    now: Date,
  ): Promise<boolean> {
    const { db } = this.store;
    return this.store.write(() => {
      const row = db
        .insert(voiceClips)
        .values({
          ...clip,
          status: 'pending',
          nextCheckAt: nextCheckAt.toISOString(),
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
        })
        .onConflictDoNothing()
        .returning({ id: voiceClips.id })
        .get();
      return row !== undefined;
    });
  }

  async claimDue(now: Date, leaseMs: number, limit: number): Promise<PendingClip[]> {
    const { db } = this.store;
    const at = now.toISOString();
    return this.store.write(() => {
      const due = db
        .select()
        .from(voiceClips)
        .where(
          and(
            eq(voiceClips.status, 'pending'),
            lte(voiceClips.nextCheckAt, at),
            or(isNull(voiceClips.claimedUntil), lte(voiceClips.claimedUntil, at)),
          ),
        )
        .orderBy(asc(voiceClips.nextCheckAt))
        .limit(limit)
        .all();
      const until = new Date(now.getTime() + leaseMs).toISOString();
      return due.map((row) =>
        toClip(
          db
            .update(voiceClips)
            .set({ claimedUntil: until, checks: row.checks + 1, updatedAt: at })
            .where(eq(voiceClips.id, row.id))
            .returning()
            .get(),
        ),
      );
    });
  }

  async reschedule(teamId: string, id: number, nextCheckAt: Date, now: Date): Promise<void> {
    const { db } = this.store;
    await this.store.write(() =>
      db
        .update(voiceClips)
        .set({ nextCheckAt: nextCheckAt.toISOString(), claimedUntil: null, updatedAt: now.toISOString() })
        .where(and(eq(voiceClips.teamId, teamId), eq(voiceClips.id, id)))
        .run(),
    );
  }

  async finish(teamId: string, id: number, status: Exclude<ClipStatus, 'pending'>, now: Date): Promise<void> {
    const { db } = this.store;
    await this.store.write(() =>
      db
        .update(voiceClips)
        .set({ status, claimedUntil: null, updatedAt: now.toISOString() })
        .where(and(eq(voiceClips.teamId, teamId), eq(voiceClips.id, id)))
        .run(),
    );
  }

  async recordTiming(
    clip: Omit<PendingClip, 'id' | 'status' | 'checks' | 'createdAt'>,
    timing: SpokenTiming,
    now: Date,
  ): Promise<void> {
    const { db } = this.store;
    const at = now.toISOString();
    await this.store.write(() =>
      db
        .insert(voiceClips)
        .values({ ...clip, status: 'done', timing, nextCheckAt: at, createdAt: at, updatedAt: at })
        .onConflictDoUpdate({
          target: [voiceClips.teamId, voiceClips.channelId, voiceClips.messageTs],
          set: { timing, status: 'done', claimedUntil: null, updatedAt: at },
        })
        .run(),
    );
  }

  async timingFor(
    teamId: string,
    of: { channelId: string; messageTs: string } | { sessionId: number },
  ): Promise<SpokenTiming | undefined> {
    const { db } = this.store;
    let answerId: number | undefined;
    if ('sessionId' in of) {
      answerId = db
        .select({ id: answers.id })
        .from(answers)
        .where(and(eq(answers.teamId, teamId), eq(answers.sessionId, of.sessionId), eq(answers.kind, 'answer')))
        .get()?.id;
    } else {
      answerId = db
        .select({ id: answerMessages.answerId })
        .from(answerMessages)
        .where(
          and(
            eq(answerMessages.teamId, teamId),
            eq(answerMessages.channelId, of.channelId),
            eq(answerMessages.messageTs, of.messageTs),
          ),
        )
        .get()?.id;
    }
    if (answerId === undefined) return undefined;
    const row = db
      .select({ timing: voiceClips.timing })
      .from(voiceClips)
      .innerJoin(
        answerMessages,
        and(
          eq(answerMessages.teamId, voiceClips.teamId),
          eq(answerMessages.channelId, voiceClips.channelId),
          eq(answerMessages.messageTs, voiceClips.messageTs),
        ),
      )
      .where(
        and(eq(answerMessages.answerId, answerId), eq(answerMessages.deleted, false), isNotNull(voiceClips.timing)),
      )
      .orderBy(desc(voiceClips.id))
      .get();
    return row?.timing ?? undefined;
  }
}
