import type { JobContext } from './context.js';

/** Replies whose next attempt is due at `now` (new ones whose first try failed, and retries). */
export function sweepOutbox(ctx: JobContext, now: Date): Promise<number> {
  return ctx.services.outbox.deliverDue(now);
}
