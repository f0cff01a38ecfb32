import type { Logger } from '../logger.js';
import type { Services } from '../services/index.js';

/** What every timed job gets: the use cases, and how late a missed prompt may still go out. */
export interface JobContext {
  services: Pick<Services, 'prompts' | 'community' | 'threads' | 'outbox' | 'deliveries' | 'mockRounds'>;
  /** A scheduled prompt missed while the bot was down is still posted this late (STAR_CATCHUP_GRACE_MINUTES). */
  graceMs: number;
  logger: Logger;
}
