import { lt } from 'drizzle-orm';
import type { Db } from '../open.js';
import { processedEvents } from '../schema.js';

/** Slack retries a delivery for up to about an hour; a day of ids is plenty to drop repeats. */
const KEEP_MS = 24 * 60 * 60 * 1000;

export class EventsRepository {
  constructor(private readonly db: Db) {}

  /** Records an event id; false when it was already recorded (a repeated delivery). */
  claim(teamId: string, eventId: string, now: Date): boolean {
    const result = this.db
      .insert(processedEvents)
      .values({ teamId, eventId, receivedAt: now.toISOString() })
      .onConflictDoNothing()
      .run();
    return result.changes > 0;
  }

  prune(now: Date): number {
    const before = new Date(now.getTime() - KEEP_MS).toISOString();
    return this.db.delete(processedEvents).where(lt(processedEvents.receivedAt, before)).run().changes;
  }
}
