import type { JobContext } from './context.js';

/** The weekly digests due at `now` (each claimed once per channel and week), handed to the outbox like prompts. */
export async function postDueDigests(ctx: JobContext, now: Date): Promise<{ claimed: number; replyIds: number[] }> {
  const { prompts, community } = ctx.services;
  const replyIds: number[] = [];
  for (const schedule of await prompts.enabledSchedules()) {
    const id = await community.claimDueDigest(schedule, now);
    if (id !== undefined) replyIds.push(id);
  }
  prompts.post(replyIds);
  return { claimed: replyIds.length, replyIds };
}
