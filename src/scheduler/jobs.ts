// Every timed job starts here: the start-up catch-up, the minute tick (prompts and digests), the
// outbox's background delivery, and retention (old replies and delivery ids, the data of workspaces
// uninstalled longer ago than the grace period). Each job is a one-shot function of `now`; this
// file only decides when they run, inside the work counter a graceful stop waits for.
import cron from 'node-cron';
import type { Clock } from '../clock.js';
import type { InFlight } from '../services/in-flight.js';
import { catchUpAtStart } from './catch-up.js';
import type { JobContext } from './context.js';
import { deleteUninstalledWorkspaces } from './delete-uninstalled.js';
import { runMinute } from './minute.js';
import { pruneOld } from './prune.js';

/** How often retention runs (each run deletes a bounded number of rows). */
const PRUNE_INTERVAL_MS = 10 * 60_000;

/** Which jobs run: all of them, only the start-up catch-up (tests then run the rest by hand), or none. */
export type JobsMode = 'all' | 'start-up-only' | 'none';

export interface RunningJobs {
  stop(): void;
}

export async function startJobs(
  ctx: JobContext,
  clock: Clock,
  inFlight: InFlight,
  mode: JobsMode,
): Promise<RunningJobs> {
  if (mode === 'none') return { stop() {} };
  // Replies left by an earlier run (or another instance) go out while the catch-up reads threads.
  if (mode === 'all') ctx.services.outbox.start();
  await inFlight.run(() => catchUpAtStart(ctx, clock.now()));
  if (mode === 'start-up-only' || ctx.signal?.aborted) return { stop() {} };
  // The tick only claims and queues (the outbox posts in the background), so it ends in well under
  // a minute and noOverlap never skips one; a slot whose minute was missed is still posted by the
  // next tick within the grace window.
  const minute = cron.schedule(
    '* * * * *',
    () =>
      inFlight.run(() => runMinute(ctx, clock.now())).catch((err) => ctx.logger.error('scheduled tick failed', err)),
    { noOverlap: true, name: 'star-coach-minute' },
  );
  const prune = setInterval(() => {
    void inFlight
      .run(() => pruneOld(ctx, clock.now()))
      .catch((err) => ctx.logger.error('pruning old replies and delivery ids failed', err));
    void inFlight
      .run(() => deleteUninstalledWorkspaces(ctx, clock.now()))
      .catch((err) => ctx.logger.error('deleting the data of uninstalled workspaces failed', err));
  }, PRUNE_INTERVAL_MS);
  prune.unref();
  return {
    stop() {
      clearInterval(prune);
      void minute.stop();
    },
  };
}
