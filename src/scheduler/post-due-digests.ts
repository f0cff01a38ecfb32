import type { JobContext } from './context.js';

/** The weekly digests due at `now` (each claimed once per channel and week), posted paced like prompts. */
export async function postDueDigests(ctx: JobContext, now: Date): Promise<{ claimed: number; posted: number }> {
  const { prompts, community } = ctx.services;
  const replyIds: number[] = [];
  for (const schedule of await prompts.enabledSchedules()) {
    const id = await community.claimDueDigest(schedule, now);
    if (id !== undefined) replyIds.push(id);
  }
  return { claimed: replyIds.length, posted: await prompts.deliverPaced(replyIds) };
}
