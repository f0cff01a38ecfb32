import type { Retention } from '../config.js';
import type { Logger } from '../logger.js';
import type { Services } from '../services/index.js';

/** What every timed job gets: the use cases, how late a missed prompt may still go out, what to keep. */
export interface JobContext {
  services: Pick<
    Services,
    'prompts' | 'community' | 'threads' | 'outbox' | 'deliveries' | 'mockRounds' | 'voice' | 'workspaces'
  >;
  /** A scheduled prompt missed while the bot was down is still posted this late (STAR_CATCHUP_GRACE_MINUTES). */
  graceMs: number;
  /**
   * How long sent replies, delivery ids and an uninstalled workspace's data are kept
   * (STAR_REPLY_RETENTION_DAYS, STAR_EVENT_RETENTION_HOURS, STAR_UNINSTALL_GRACE_DAYS).
   */
  retention: Retention;
  logger: Logger;
  /** Aborted when the app is asked to stop: long jobs (the start-up catch-up) end early. */
  signal?: AbortSignal;
}
