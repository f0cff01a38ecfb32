// The PostgreSQL twin of ../sqlite/next-runs.ts: a schedule's next prompt and digest instants,
// what the minute tick reads through an index instead of every schedule.
import { and, eq, isNull, or } from 'drizzle-orm';
import { DIGEST_LATE_MS, nextDigestAt, nextRunAt } from '../../core/schedule.js';
import { schedules } from './schema.js';
import { first, type PgDb } from './store.js';

export type Key = { teamId: string; channelId: string };
export const byKey = (key: Key) => and(eq(schedules.teamId, key.teamId), eq(schedules.channelId, key.channelId));

/**
 * Works out a schedule's next prompt and digest instants from its row as it now is (inside the
 * caller's transaction). `handled`: the tick handled it at this instant (less the grace window for
 * prompts); without it, the schedule was just made or changed.
 */
export async function planNextRuns(
  db: PgDb,
  key: Key,
  now: Date,
  handled?: { prompt?: Date; digest?: Date },
): Promise<void> {
  const row = await first(db.select().from(schedules).where(byKey(key)));
  if (!row) return;
  const set: Partial<typeof schedules.$inferInsert> = {};
  if (!handled || handled.prompt) set.nextRunAt = nextRunAt(row, handled?.prompt);
  if (!handled || handled.digest)
    set.nextDigestAt = nextDigestAt(row, handled?.digest ?? new Date(now.getTime() - DIGEST_LATE_MS));
  await db.update(schedules).set(set).where(byKey(key));
}

/**
 * Fills in the next instants of schedules that have none (rows written before the migration that
 * added them). Runs at start, a batch per transaction; instances starting together compute the
 * same values, so it does not matter which of them writes a row.
 */
export async function backfillNextRuns(db: PgDb, now: Date): Promise<number> {
  const sinceDigest = new Date(now.getTime() - DIGEST_LATE_MS);
  let filled = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(schedules)
      .where(or(isNull(schedules.nextRunAt), isNull(schedules.nextDigestAt)))
      .limit(1000);
    if (batch.length === 0) return filled;
    await db.transaction(async (tx) => {
      for (const row of batch)
        await tx
          .update(schedules)
          .set({ nextRunAt: nextRunAt(row), nextDigestAt: nextDigestAt(row, sinceDigest) })
          .where(byKey(row));
    });
    filled += batch.length;
  }
}
