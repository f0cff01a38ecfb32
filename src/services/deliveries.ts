// Slack's repeated deliveries: an Events API event id is claimed in the database, so a retry (or
// the same event reaching another instance) is processed once.
import type { Clock } from '../clock.js';
import type { EventsRepository } from '../db/ports.js';

export class DeliveryGuard {
  constructor(
    private readonly events: EventsRepository,
    private readonly clock: Clock,
  ) {}

  /** True the first time an event id is seen. */
  firstDelivery(teamId: string, eventId: string): Promise<boolean> {
    return this.events.claim(teamId, eventId, this.clock.now());
  }

  /** Forgets event ids older than Slack's retry window. */
  prune(now: Date): Promise<number> {
    return this.events.prune(now);
  }
}
