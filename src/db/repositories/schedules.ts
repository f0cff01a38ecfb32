import { and, eq } from 'drizzle-orm';
import type { Level } from '../../core/lp.js';
import type { Db } from '../open.js';
import { schedules } from '../schema.js';

export type ScheduleRow = typeof schedules.$inferSelect;

export class SchedulesRepository {
  constructor(private readonly db: Db) {}

  get(teamId: string, channelId: string): ScheduleRow | undefined {
    return this.db
      .select()
      .from(schedules)
      .where(and(eq(schedules.teamId, teamId), eq(schedules.channelId, channelId)))
      .get();
  }

  /** Creates or replaces a channel's time, zone and days; a change never re-posts a past slot. */
  upsertTime(
    values: {
      teamId: string;
      channelId: string;
      minuteOfDay: number;
      timezone: string;
      days: number[];
      createdBy: string;
    },
    now: Date,
  ): ScheduleRow {
    const at = now.toISOString();
    return this.db
      .insert(schedules)
      .values({ ...values, lps: [], enabled: true, notBefore: at, createdAt: at, updatedAt: at })
      .onConflictDoUpdate({
        target: [schedules.teamId, schedules.channelId],
        set: {
          minuteOfDay: values.minuteOfDay,
          timezone: values.timezone,
          days: values.days,
          enabled: true,
          notBefore: at,
          updatedAt: at,
        },
      })
      .returning()
      .get();
  }

  update(
    teamId: string,
    channelId: string,
    change: Partial<{
      level: Level | null;
      lps: string[];
      feedback: 'private' | 'public';
      enabled: boolean;
      digestDay: number;
      digestMinute: number;
    }>,
    now: Date,
  ): boolean {
    const set: Record<string, unknown> = { ...change, updatedAt: now.toISOString() };
    if (change.enabled === true) set.notBefore = now.toISOString();
    return (
      this.db
        .update(schedules)
        .set(set)
        .where(and(eq(schedules.teamId, teamId), eq(schedules.channelId, channelId)))
        .run().changes > 0
    );
  }

  enabled(): ScheduleRow[] {
    return this.db.select().from(schedules).where(eq(schedules.enabled, true)).all();
  }

  setLastSlot(teamId: string, channelId: string, slotAt: string): void {
    this.db
      .update(schedules)
      .set({ lastSlotAt: slotAt })
      .where(and(eq(schedules.teamId, teamId), eq(schedules.channelId, channelId)))
      .run();
  }
}
