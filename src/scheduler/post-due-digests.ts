import type { JobContext } from './context.js';

/** The weekly digests due at `now` (each claimed once per channel and week), handed to the outbox like prompts. */
export async function postDueDigests(ctx: JobContext, now: Date): Promise<{ claimed: number; replyIds: number[] }> {
  const { prompts, community } = ctx.services;
  const replyIds: number[] = [];
  // Only schedules whose stored next digest instant has come (an index range).
  for (const schedule of await prompts.digestsDue(now)) {
    const id = await community.claimDueDigest(schedule, now);
    if (id !== undefined) replyIds.push(id);
    await prompts.digestHandled(schedule, now);
  }
  prompts.post(replyIds);
  return { claimed: replyIds.length, replyIds };
}
