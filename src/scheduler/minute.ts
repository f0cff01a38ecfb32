import { checkPendingClips } from './check-pending-clips.js';
import type { JobContext } from './context.js';
import { pairDueMocks } from './pair-due-mocks.js';
import { postDueDigests } from './post-due-digests.js';
import { postDuePrompts } from './post-due-prompts.js';

/** Every minute: the prompts due, then the digests due, then the mock interview rounds, then clips awaiting a transcript. */
export async function runMinute(ctx: JobContext, now: Date) {
  const prompts = await postDuePrompts(ctx, now);
  const digests = await postDueDigests(ctx, now);
  const mocks = await pairDueMocks(ctx, now);
  const clips = await checkPendingClips(ctx, now);
  return { prompts, digests, mocks, clips };
}
