import { and, eq } from 'drizzle-orm';
import type { ChannelSchedule } from '../../core/domain.js';
import type { ScheduleChange, SchedulesRepository } from '../ports.js';
import { schedules } from './schema.js';
import { first, type PgStore } from './store.js';

export class PgSchedules implements SchedulesRepository {
  constructor(private readonly store: PgStore) {}

  async get(teamId: string, channelId: string): Promise<ChannelSchedule | undefined> {
    return first(
      this.store.db
        .select()
        .from(schedules)
        .where(and(eq(schedules.teamId, teamId), eq(schedules.channelId, channelId))),
    );
  }

  async upsertTime(
    values: {
      teamId: string;
      channelId: string;
      minuteOfDay: number;
      timezone: string;
      days: number[];
      createdBy: string;
    },
    now: Date,
  ): Promise<ChannelSchedule> {
    const at = now.toISOString();
    const [row] = await this.store.db
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
      .returning();
    return row;
  }

  async update(teamId: string, channelId: string, change: ScheduleChange, now: Date): Promise<boolean> {
    const set: Partial<typeof schedules.$inferInsert> = { ...change, updatedAt: now.toISOString() };
    // Turned on again: slots from while it was off are not posted late.
    if (change.enabled === true) set.notBefore = now.toISOString();
    const changed = await this.store.db
      .update(schedules)
      .set(set)
      .where(and(eq(schedules.teamId, teamId), eq(schedules.channelId, channelId)))
      .returning({ channelId: schedules.channelId });
    return changed.length > 0;
  }

  async enabled(): Promise<ChannelSchedule[]> {
    return this.store.db.select().from(schedules).where(eq(schedules.enabled, true));
  }
}
