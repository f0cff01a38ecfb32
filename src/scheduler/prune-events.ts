import type { JobContext } from './context.js';

/** Forgets event ids older than Slack's retry window (they only guard against repeated deliveries). */
export function pruneEvents(ctx: JobContext, now: Date): Promise<number> {
  return ctx.services.deliveries.prune(now);
}
