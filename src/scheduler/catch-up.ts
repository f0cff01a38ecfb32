import type { JobContext } from './context.js';
import { runMinute } from './minute.js';

/**
 * Once at start-up: slots missed while the bot was down (within the grace window) and the digests
 * due, then answers posted in recent prompt threads meanwhile. Each part failing is logged and the
 * start goes on; a stop asked for meanwhile ends it early (what is left is read at the next start).
 */
export async function catchUpAtStart(ctx: JobContext, now: Date): Promise<void> {
  await runMinute(ctx, now).catch((err) => ctx.logger.error('start-up tick failed', err));
  if (ctx.signal?.aborted) return;
  await ctx.services.threads.run(now, ctx.signal).catch((err) => ctx.logger.error('thread catch-up failed', err));
}
