import { lt } from 'drizzle-orm';
import type { EventsRepository } from '../ports.js';
import { processedEvents } from './schema.js';
import type { SqliteStore } from './store.js';

/** Slack retries a delivery for up to about an hour; a day of ids is plenty to drop repeats. */
const KEEP_MS = 24 * 60 * 60 * 1000;

export class SqliteEvents implements EventsRepository {
  constructor(private readonly store: SqliteStore) {}

  async claim(teamId: string, eventId: string, now: Date): Promise<boolean> {
    const result = this.store.db
      .insert(processedEvents)
      .values({ teamId, eventId, receivedAt: now.toISOString() })
      .onConflictDoNothing()
      .run();
    return result.changes > 0;
  }

  async prune(now: Date): Promise<number> {
    const before = new Date(now.getTime() - KEEP_MS).toISOString();
    return this.store.db.delete(processedEvents).where(lt(processedEvents.receivedAt, before)).run().changes;
  }
}
