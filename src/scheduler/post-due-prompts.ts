import { dueSlot, localParts, mightBeDue } from '../core/schedule.js';
import type { JobContext } from './context.js';

/**
 * The minute's prompts: finds the schedules due at `now` in their own timezones (and slots missed
 * within the grace window), claims each slot in the database, and hands the prompts to the outbox
 * (which posts them in the background, each channel at its own pace). Claims make it safe to run
 * twice, or on several instances; a slot whose minute was missed is still within the grace window
 * at the next tick. Only schedules whose stored next instant has come are read.
 */
export async function postDuePrompts(
  ctx: JobContext,
  now: Date,
): Promise<{ due: number; claimed: number; replyIds: number[] }> {
  const { prompts } = ctx.services;
  const replyIds: number[] = [];
  let due = 0;
  // Local minute of the day per timezone, worked out once per tick.
  const minuteNow = new Map<string, number>();
  // Only schedules whose stored next instant has come (an index range), not every schedule.
  for (const schedule of await prompts.promptsDue(now)) {
    let local = minuteNow.get(schedule.timezone);
    if (local === undefined) {
      const parts = localParts(now, schedule.timezone);
      local = parts.hour * 60 + parts.minute;
      minuteNow.set(schedule.timezone, local);
    }
    const notBefore = new Date(
      Math.max(Date.parse(schedule.notBefore), schedule.lastSlotAt ? Date.parse(schedule.lastSlotAt) : 0),
    );
    const slot = mightBeDue(schedule.minuteOfDay, local, ctx.graceMs)
      ? dueSlot(schedule, now, notBefore, ctx.graceMs)
      : undefined;
    if (slot) {
      due++;
      const id = await prompts.claim(schedule, slot.localDate, slot.at, now);
      if (id !== undefined) replyIds.push(id);
    }
    // Claimed (here or elsewhere), missed beyond the grace window, or not due after all: the next
    // instant moves on. A slot within the window that could not be claimed stays due.
    await prompts.promptHandled(schedule, now, ctx.graceMs);
  }
  prompts.post(replyIds);
  return { due, claimed: replyIds.length, replyIds };
}
