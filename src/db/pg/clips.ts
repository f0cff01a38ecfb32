import { and, asc, desc, eq, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { ClipStatus } from '../../core/clips.js';
import type { SpokenTiming } from '../../core/spoken.js';
import type { ClipsRepository, PendingClip } from '../ports.js';
import { answerMessages, answers, voiceClips } from './schema.js';
import { first, type PgStore } from './store.js';

// The PostgreSQL twin of ../sqlite/clips.ts.

type Row = typeof voiceClips.$inferSelect;

function toClip(row: Row): PendingClip {
  const { nextCheckAt: _n, claimedUntil: _c, updatedAt: _u, timing: _t, ...clip } = row;
  return clip;
}

export class PgClips implements ClipsRepository {
  constructor(private readonly store: PgStore) {}

  async addPending(
    clip: Omit<PendingClip, 'id' | 'status' | 'checks' | 'createdAt'>,
    nextCheckAt: Date,
    now: Date,
  ): Promise<boolean> {
    const rows = await this.store.db
      .insert(voiceClips)
      .values({
        ...clip,
        status: 'pending',
        nextCheckAt: nextCheckAt.toISOString(),
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .onConflictDoNothing()
      .returning({ id: voiceClips.id });
    return rows.length > 0;
  }

  async claimDue(now: Date, leaseMs: number, limit: number): Promise<PendingClip[]> {
    const at = now.toISOString();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    return this.store.write(async (tx) => {
      // Rows another instance is claiming right now are skipped, not waited for.
      const due = await tx
        .select({ id: voiceClips.id })
        .from(voiceClips)
        .where(
          and(
            eq(voiceClips.status, 'pending'),
            lte(voiceClips.nextCheckAt, at),
            or(isNull(voiceClips.claimedUntil), lte(voiceClips.claimedUntil, at)),
          ),
        )
        .orderBy(asc(voiceClips.nextCheckAt), asc(voiceClips.id))
        .limit(limit)
        .for('update', { skipLocked: true });
      const claimed: PendingClip[] = [];
      for (const { id } of due) {
        const [row] = await tx
          .update(voiceClips)
          .set({ claimedUntil: until, checks: sql`${voiceClips.checks} + 1`, updatedAt: at })
          .where(eq(voiceClips.id, id))
          .returning();
        claimed.push(toClip(row));
      }
      return claimed;
    });
  }

  async reschedule(teamId: string, id: number, nextCheckAt: Date, now: Date): Promise<void> {
    await this.store.db
      .update(voiceClips)
      .set({ nextCheckAt: nextCheckAt.toISOString(), claimedUntil: null, updatedAt: now.toISOString() })
      .where(and(eq(voiceClips.teamId, teamId), eq(voiceClips.id, id)));
  }

  async finish(teamId: string, id: number, status: Exclude<ClipStatus, 'pending'>, now: Date): Promise<void> {
    await this.store.db
      .update(voiceClips)
      .set({ status, claimedUntil: null, updatedAt: now.toISOString() })
      .where(and(eq(voiceClips.teamId, teamId), eq(voiceClips.id, id)));
  }

  async recordTiming(
    clip: Omit<PendingClip, 'id' | 'status' | 'checks' | 'createdAt'>,
    timing: SpokenTiming,
    now: Date,
  ): Promise<void> {
    const at = now.toISOString();
    await this.store.db
      .insert(voiceClips)
      .values({ ...clip, status: 'done', timing, nextCheckAt: at, createdAt: at, updatedAt: at })
      .onConflictDoUpdate({
        target: [voiceClips.teamId, voiceClips.channelId, voiceClips.messageTs],
        set: { timing, status: 'done', claimedUntil: null, updatedAt: at },
      });
  }

  async timingFor(
    teamId: string,
    of: { channelId: string; messageTs: string } | { sessionId: number },
  ): Promise<SpokenTiming | undefined> {
    const { db } = this.store;
    const answer =
      'sessionId' in of
        ? await first(
            db
              .select({ id: answers.id })
              .from(answers)
              .where(and(eq(answers.teamId, teamId), eq(answers.sessionId, of.sessionId), eq(answers.kind, 'answer')))
              .limit(1),
          )
        : await first(
            db
              .select({ id: answerMessages.answerId })
              .from(answerMessages)
              .where(
                and(
                  eq(answerMessages.teamId, teamId),
                  eq(answerMessages.channelId, of.channelId),
                  eq(answerMessages.messageTs, of.messageTs),
                ),
              )
              .limit(1),
          );
    if (answer === undefined) return undefined;
    const row = await first(
      db
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
          and(eq(answerMessages.answerId, answer.id), eq(answerMessages.deleted, false), isNotNull(voiceClips.timing)),
        )
        .orderBy(desc(voiceClips.id))
        .limit(1),
    );
    return row?.timing ?? undefined;
  }
}
