import { and, eq } from 'drizzle-orm';
import type { ChannelSchedule } from '../../core/domain.js';
import type { ScheduleChange, SchedulesRepository } from '../ports.js';
import { schedules } from './schema.js';
import type { SqliteStore } from './store.js';

export class SqliteSchedules implements SchedulesRepository {
  constructor(private readonly store: SqliteStore) {}

  async get(teamId: string, channelId: string): Promise<ChannelSchedule | undefined> {
    return this.store.db
      .select()
      .from(schedules)
      .where(and(eq(schedules.teamId, teamId), eq(schedules.channelId, channelId)))
      .get();
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
    return this.store.write(() =>
      this.store.db
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
        .get(),
    );
  }

  async update(teamId: string, channelId: string, change: ScheduleChange, now: Date): Promise<boolean> {
    const set: Partial<typeof schedules.$inferInsert> = { ...change, updatedAt: now.toISOString() };
    // Turned on again: slots from while it was off are not posted late.
    if (change.enabled === true) set.notBefore = now.toISOString();
    return this.store.write(
      () =>
        this.store.db
          .update(schedules)
          .set(set)
          .where(and(eq(schedules.teamId, teamId), eq(schedules.channelId, channelId)))
          .run().changes > 0,
    );
  }

  async enabled(): Promise<ChannelSchedule[]> {
    return this.store.db.select().from(schedules).where(eq(schedules.enabled, true)).all();
  }
}
