import cron from 'node-cron';
import type { Logger } from '../services/outbox.js';

export interface ScheduledTick {
  stop(): void;
}

/**
 * Runs `work` at the start of every minute. node-cron's noOverlap skips a minute whose previous
 * run is still going; the work itself is idempotent (slots are claimed in the database), so a
 * skipped or repeated minute never posts twice.
 */
export function startMinuteTick(work: () => Promise<unknown>, logger: Logger): ScheduledTick {
  const task = cron.schedule(
    '* * * * *',
    async () => {
      try {
        await work();
      } catch (err) {
        logger.error('scheduled tick failed', err);
      }
    },
    { noOverlap: true, name: 'star-coach-prompts' },
  );
  return { stop: () => void task.stop() };
}
