import type { JobContext } from './context.js';

/** Rows deleted per transaction, so pruning never holds the write lock for long. */
const BATCH = 1_000;
/** Batches per run; what is left goes in the next run. */
const MAX_BATCHES = 20;

/**
 * Retention: forgets claimed delivery ids and deletes sent or given-up bot messages older than the
 * configured retention, oldest first, through an index, in bounded batches.
 */
export async function pruneOld(ctx: JobContext, now: Date): Promise<{ events: number; replies: number }> {
  const { retention } = ctx;
  const events = await inBatches(() =>
    ctx.services.deliveries.prune(new Date(now.getTime() - retention.eventsMs), BATCH),
  );
  const replies = await inBatches(() =>
    ctx.services.outbox.prune(new Date(now.getTime() - retention.repliesMs), BATCH),
  );
  return { events, replies };
}

async function inBatches(batch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const removed = await batch();
    total += removed;
    if (removed < BATCH) break;
  }
  return total;
}
