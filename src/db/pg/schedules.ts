import { and, eq, isNull, lte, or } from 'drizzle-orm';
import type { ChannelSchedule } from '../../core/domain.js';
import type { ScheduleChange, SchedulesRepository } from '../ports.js';
import { byKey, planNextRuns } from './next-runs.js';
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
    return this.store.write(async (tx) => {
      await tx
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
        });
      await planNextRuns(tx, values, now);
      return (await first(tx.select().from(schedules).where(byKey(values)))) as ChannelSchedule;
    });
  }

  async update(teamId: string, channelId: string, change: ScheduleChange, now: Date): Promise<boolean> {
    const set: Partial<typeof schedules.$inferInsert> = { ...change, updatedAt: now.toISOString() };
    // Turned on again: slots from while it was off are not posted late.
    if (change.enabled === true) set.notBefore = now.toISOString();
    return this.store.write(async (tx) => {
      const changed = await tx
        .update(schedules)
        .set(set)
        .where(byKey({ teamId, channelId }))
        .returning({ channelId: schedules.channelId });
      if (changed.length > 0) await planNextRuns(tx, { teamId, channelId }, now);
      return changed.length > 0;
    });
  }

  async enabled(): Promise<ChannelSchedule[]> {
    return this.store.db.select().from(schedules).where(eq(schedules.enabled, true));
  }

  async promptsDue(now: Date): Promise<ChannelSchedule[]> {
    // Through the index on next_run_at; a schedule turned off is never due (checked on the few found).
    const rows = await this.store.db
      .select()
      .from(schedules)
      .where(or(lte(schedules.nextRunAt, now.toISOString()), isNull(schedules.nextRunAt)));
    return rows.filter((s) => s.enabled);
  }

  async digestsDue(now: Date): Promise<ChannelSchedule[]> {
    const rows = await this.store.db
      .select()
      .from(schedules)
      .where(or(lte(schedules.nextDigestAt, now.toISOString()), isNull(schedules.nextDigestAt)));
    return rows.filter((s) => s.enabled);
  }

  async promptHandled(teamId: string, channelId: string, now: Date, graceMs: number): Promise<void> {
    await this.store.write((tx) =>
      planNextRuns(tx, { teamId, channelId }, now, { prompt: new Date(now.getTime() - graceMs) }),
    );
  }

  async digestHandled(teamId: string, channelId: string, now: Date): Promise<void> {
    await this.store.write((tx) => planNextRuns(tx, { teamId, channelId }, now, { digest: now }));
  }
}
