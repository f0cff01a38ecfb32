// Every timed job starts here: the start-up catch-up, the minute tick (prompts and digests), and
// the outbox sweep with event-id pruning. Each job is a one-shot function of `now`; this file only
// decides when they run, inside the work counter a graceful stop waits for.
import cron from 'node-cron';
import type { Clock } from '../clock.js';
import type { InFlight } from '../services/in-flight.js';
import { catchUpAtStart } from './catch-up.js';
import type { JobContext } from './context.js';
import { runMinute } from './minute.js';
import { pruneEvents } from './prune-events.js';
import { sweepOutbox } from './sweep-outbox.js';

/** How often stored replies that failed are tried again. */
export const SWEEP_INTERVAL_MS = 15_000;

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
  await inFlight.run(() => catchUpAtStart(ctx, clock.now()));
  if (mode === 'start-up-only') return { stop() {} };
  // node-cron's noOverlap skips a minute whose previous run is still going; claims in the database
  // make a skipped or repeated minute harmless.
  const minute = cron.schedule(
    '* * * * *',
    () =>
      inFlight.run(() => runMinute(ctx, clock.now())).catch((err) => ctx.logger.error('scheduled tick failed', err)),
    { noOverlap: true, name: 'star-coach-minute' },
  );
  const sweep = setInterval(() => {
    const now = clock.now();
    void inFlight.run(() => sweepOutbox(ctx, now)).catch((err) => ctx.logger.error('retry sweep failed', err));
    void pruneEvents(ctx, now).catch((err) => ctx.logger.error('pruning old event ids failed', err));
  }, SWEEP_INTERVAL_MS);
  sweep.unref();
  return {
    stop() {
      clearInterval(sweep);
      void minute.stop();
    },
  };
}
