import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { DeliveryClaim, EventsRepository, InboxItem } from '../ports.js';
import { processedEvents } from './schema.js';
import { first, type PgStore } from './store.js';

export class PgEvents implements EventsRepository {
  constructor(private readonly store: PgStore) {}

  async claim(teamId: string, key: string, now: Date, leaseMs: number, payload?: string): Promise<DeliveryClaim> {
    const at = now.toISOString();
    const expired = new Date(now.getTime() - leaseMs).toISOString();
    const where = and(eq(processedEvents.teamId, teamId), eq(processedEvents.eventId, key));
    return this.store.write(async (tx) => {
      // The primary key is the claim: of two instances inserting the same id, one gets the row.
      const inserted = await tx
        .insert(processedEvents)
        .values({ teamId, eventId: key, receivedAt: at, state: 'working', payload, attempts: 1 })
        .onConflictDoNothing()
        .returning({ key: processedEvents.eventId });
      if (inserted.length > 0) return 'claimed';
      const row = await first(
        tx
          .select({ state: processedEvents.state, receivedAt: processedEvents.receivedAt })
          .from(processedEvents)
          .where(where)
          .for('update'),
      );
      if (!row) return 'busy';
      if (row.state === 'done') return 'done';
      if (row.receivedAt > expired) return 'busy';
      // The claim outlived its lease: the process that held it died. This delivery takes it over.
      await tx
        .update(processedEvents)
        .set({ receivedAt: at, attempts: sql`${processedEvents.attempts} + 1`, ...(payload ? { payload } : {}) })
        .where(where);
      return 'claimed';
    });
  }

  async takeOverdue(now: Date, leaseMs: number, limit: number): Promise<InboxItem[]> {
    const at = now.toISOString();
    const expired = new Date(now.getTime() - leaseMs).toISOString();
    return this.store.write(async (tx) => {
      const overdue = await tx
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
        .for('update', { skipLocked: true });
      for (const item of overdue)
        await tx
          .update(processedEvents)
          .set({ receivedAt: at, attempts: item.attempts + 1 })
          .where(and(eq(processedEvents.teamId, item.teamId), eq(processedEvents.eventId, item.key)));
      return overdue.map((item) => ({ ...item, payload: item.payload ?? '', attempts: item.attempts + 1 }));
    });
  }

  async complete(teamId: string, key: string, now: Date): Promise<void> {
    await this.store.write((tx) =>
      tx
        .update(processedEvents)
        .set({ state: 'done', receivedAt: now.toISOString(), payload: null })
        .where(and(eq(processedEvents.teamId, teamId), eq(processedEvents.eventId, key))),
    );
  }

  async release(teamId: string, key: string): Promise<void> {
    await this.store.write((tx) =>
      tx
        .delete(processedEvents)
        .where(
          and(
            eq(processedEvents.teamId, teamId),
            eq(processedEvents.eventId, key),
            eq(processedEvents.state, 'working'),
          ),
        ),
    );
  }

  async prune(before: Date, limit: number): Promise<number> {
    // The oldest first through the received_at index, a bounded batch per transaction.
    return this.store.write(async (tx) => {
      const batch = tx
        .select({ teamId: processedEvents.teamId, eventId: processedEvents.eventId })
        .from(processedEvents)
        .where(lt(processedEvents.receivedAt, before.toISOString()))
        .orderBy(processedEvents.receivedAt)
        .limit(limit);
      const removed = await tx
        .delete(processedEvents)
        .where(sql`(${processedEvents.teamId}, ${processedEvents.eventId}) IN (${batch})`)
        .returning({ key: processedEvents.eventId });
      return removed.length;
    });
  }
}
