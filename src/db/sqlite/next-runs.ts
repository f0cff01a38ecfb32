// A schedule's next prompt and digest instants (migration 0011_schedule_next_run): what the minute tick reads through
// an index instead of every schedule. Kept apart from schedules.ts because open.ts fills them in at
// start (and must not import the repositories, which import it).
import type Database from 'better-sqlite3';
import { and, eq, isNull, or } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { DIGEST_LATE_MS, nextDigestAt, nextRunAt } from '../../core/schedule.js';
import { schedules, type schema } from './schema.js';

type Db = BetterSQLite3Database<typeof schema>;
export type Key = { teamId: string; channelId: string };
export const byKey = (key: Key) => and(eq(schedules.teamId, key.teamId), eq(schedules.channelId, key.channelId));

/**
 * Works out a schedule's next prompt and digest instants from its row as it now is (inside the
 * caller's transaction). `since`: the tick handled it at this instant (less the grace window for
 * prompts); without it, the schedule was just made or changed.
 */
export function planNextRuns(db: Db, key: Key, now: Date, handled?: { prompt?: Date; digest?: Date }): void {
  const row = db.select().from(schedules).where(byKey(key)).get();
  if (!row) return;
  const set: Partial<typeof schedules.$inferInsert> = {};
  if (!handled || handled.prompt) set.nextRunAt = nextRunAt(row, handled?.prompt);
  if (!handled || handled.digest)
    set.nextDigestAt = nextDigestAt(row, handled?.digest ?? new Date(now.getTime() - DIGEST_LATE_MS));
  db.update(schedules).set(set).where(byKey(key)).run();
}

/**
 * Fills in the next instants of schedules that have none (rows written before migration 0011_schedule_next_run, or
 * by an older release sharing the file). Runs at start, in batches; schedules alike in time, zone,
 * days and start share one computation (timezone math is the cost here).
 */
export function backfillNextRuns(db: Db, now: Date): number {
  const sinceDigest = new Date(now.getTime() - DIGEST_LATE_MS);
  const known = new Map<string, { nextRunAt: string; nextDigestAt: string }>();
  // One statement for many rows: the query builder would cost more than the update.
  const update = (db as unknown as { $client: Database.Database }).$client.prepare(
    'UPDATE schedules SET next_run_at = ?, next_digest_at = ? WHERE team_id = ? AND channel_id = ?',
  );
  let filled = 0;
  for (;;) {
    const batch = db
      .select()
      .from(schedules)
      .where(or(isNull(schedules.nextRunAt), isNull(schedules.nextDigestAt)))
      .limit(1000)
      .all();
    if (batch.length === 0) return filled;
    db.transaction(() => {
      for (const row of batch) {
        const key = JSON.stringify([
          row.minuteOfDay,
          row.timezone,
          row.days,
          row.enabled,
          row.notBefore,
          row.lastSlotAt,
          row.digestDay,
          row.digestMinute,
        ]);
        let next = known.get(key);
        if (!next) {
          next = { nextRunAt: nextRunAt(row), nextDigestAt: nextDigestAt(row, sinceDigest) };
          known.set(key, next);
        }
        update.run(next.nextRunAt, next.nextDigestAt, row.teamId, row.channelId);
      }
    });
    filled += batch.length;
  }
}
