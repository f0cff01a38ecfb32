import type { JobContext } from './context.js';

/**
 * The minute's mock interviews: heads-ups and weekly rounds due (each claimed once per pool and
 * round, so several instances or a restart never pair twice), group DMs still owed, and the one
 * nudge and one check-back of each mock.
 */
export function pairDueMocks(ctx: JobContext, now: Date) {
  return ctx.services.mockRounds.runDue(now, ctx.graceMs);
}
