import type { JobContext } from './context.js';
import { postDueDigests } from './post-due-digests.js';
import { postDuePrompts } from './post-due-prompts.js';

/** Every minute: the prompts due, then the digests due. */
export async function runMinute(ctx: JobContext, now: Date) {
  const prompts = await postDuePrompts(ctx, now);
  const digests = await postDueDigests(ctx, now);
  return { prompts, digests };
}
