import type { JobContext } from './context.js';

/**
 * The minute's spoken answers: clips whose transcript Slack was still making are claimed (once
 * across instances), checked again, and scored, rescheduled or given up.
 */
export function checkPendingClips(ctx: JobContext, now: Date) {
  return ctx.services.voice.checkPending(now);
}
