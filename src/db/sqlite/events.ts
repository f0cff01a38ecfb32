import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { DeliveryClaim, EventsRepository, InboxItem } from '../ports.js';
import { param, preparedOnce, setParam } from './prepared.js';
import { processedEvents } from './schema.js';
import type { SqliteStore } from './store.js';

// The queries every delivery makes, prepared once (prepared.ts).
const claimOf = preparedOnce((db) =>
  db
    .select({ state: processedEvents.state, receivedAt: processedEvents.receivedAt })
    .from(processedEvents)
    .where(and(eq(processedEvents.teamId, param('teamId')), eq(processedEvents.eventId, param('key'))))
    .prepare(),
);

const insertClaim = preparedOnce((db) =>
  db
    .insert(processedEvents)
    .values({
      teamId: param('teamId'),
      eventId: param('key'),
      receivedAt: param('at'),
      state: 'working',
      payload: param('payload'),
      attempts: 1,
    })
    .prepare(),
);

const markDone = preparedOnce((db) =>
  db
    .update(processedEvents)
    .set({ state: 'done', receivedAt: setParam('at'), payload: null })
    .where(and(eq(processedEvents.teamId, param('teamId')), eq(processedEvents.eventId, param('key'))))
    .prepare(),
);

export class SqliteEvents implements EventsRepository {
  constructor(private readonly store: SqliteStore) {}

  async claim(teamId: string, key: string, now: Date, leaseMs: number, payload?: string): Promise<DeliveryClaim> {
    const at = now.toISOString();
    const expired = new Date(now.getTime() - leaseMs).toISOString();
    const { db } = this.store;
    return this.store.write(() => {
      const row = claimOf(db).get({ teamId, key });
      if (!row) {
        insertClaim(db).run({ teamId, key, at, payload: payload ?? null });
        return 'claimed';
      }
      if (row.state === 'done') return 'done';
      if (row.receivedAt > expired) return 'busy';
      // The claim outlived its lease: the process that held it died. This delivery takes it over.
      db.update(processedEvents)
        .set({ receivedAt: at, attempts: sql`${processedEvents.attempts} + 1`, ...(payload ? { payload } : {}) })
        .where(and(eq(processedEvents.teamId, teamId), eq(processedEvents.eventId, key)))
        .run();
      return 'claimed';
    });
  }

  async takeOverdue(now: Date, leaseMs: number, limit: number): Promise<InboxItem[]> {
    const at = now.toISOString();
    const expired = new Date(now.getTime() - leaseMs).toISOString();
    const { db } = this.store;
    return this.store.write(() => {
      const overdue = db
        .select({
          teamId: processedEvents.teamId,
          key: processedEvents.eventId,
          payload: processedEvents.payload,
          attempts: processedEvents.attempts,
        })
        .from(processedEvents)
        .where(
          and(
            eq(processedEvents.state, 'working'),
            lt(processedEvents.receivedAt, expired),
            isNotNull(processedEvents.payload),
          ),
        )
        .orderBy(processedEvents.receivedAt)
        .limit(limit)
        .all();
      for (const item of overdue)
        db.update(processedEvents)
          .set({ receivedAt: at, attempts: item.attempts + 1 })
          .where(and(eq(processedEvents.teamId, item.teamId), eq(processedEvents.eventId, item.key)))
          .run();
      return overdue.map((item) => ({ ...item, payload: item.payload ?? '', attempts: item.attempts + 1 }));
    });
  }

  async complete(teamId: string, key: string, now: Date): Promise<void> {
    await this.store.write(() => markDone(this.store.db).run({ teamId, key, at: now.toISOString() }));
  }

  async release(teamId: string, key: string): Promise<void> {
    await this.store.write(() =>
      this.store.db
        .delete(processedEvents)
        .where(
          and(
            eq(processedEvents.teamId, teamId),
            eq(processedEvents.eventId, key),
            eq(processedEvents.state, 'working'),
          ),
        )
        .run(),
    );
  }

  async prune(before: Date, limit: number): Promise<number> {
    // The oldest first through the received_at index, a bounded batch per transaction.
    return this.store.write(
      () =>
        this.store.db.run(
          sql`DELETE FROM ${processedEvents} WHERE rowid IN (SELECT rowid FROM ${processedEvents}
              WHERE ${processedEvents.receivedAt} < ${before.toISOString()} ORDER BY ${processedEvents.receivedAt} LIMIT ${limit})`,
        ).changes,
    );
  }
}
