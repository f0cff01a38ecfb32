import { and, eq, isNull, lte, or } from 'drizzle-orm';
import type { ChannelSchedule } from '../../core/domain.js';
import type { ScheduleChange, SchedulesRepository } from '../ports.js';
import { byKey, planNextRuns } from './next-runs.js';
import { param, preparedOnce } from './prepared.js';
import { schedules } from './schema.js';
import type { SqliteStore } from './store.js';

const scheduleOfChannel = preparedOnce((db) =>
  db
    .select()
    .from(schedules)
    .where(and(eq(schedules.teamId, param('teamId')), eq(schedules.channelId, param('channelId'))))
    .prepare(),
);

export class SqliteSchedules implements SchedulesRepository {
  constructor(private readonly store: SqliteStore) {}

  async get(teamId: string, channelId: string): Promise<ChannelSchedule | undefined> {
    return scheduleOfChannel(this.store.db).get({ teamId, channelId });
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
    const { db } = this.store;
    return this.store.write(() => {
      db.insert(schedules)
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
        .run();
      planNextRuns(db, values, now);
      return db.select().from(schedules).where(byKey(values)).get() as ChannelSchedule;
    });
  }

  async update(teamId: string, channelId: string, change: ScheduleChange, now: Date): Promise<boolean> {
    const set: Partial<typeof schedules.$inferInsert> = { ...change, updatedAt: now.toISOString() };
    // Turned on again: slots from while it was off are not posted late.
    if (change.enabled === true) set.notBefore = now.toISOString();
    const { db } = this.store;
    return this.store.write(() => {
      const changed = db.update(schedules).set(set).where(byKey({ teamId, channelId })).run().changes > 0;
      if (changed) planNextRuns(db, { teamId, channelId }, now);
      return changed;
    });
  }

  async enabled(): Promise<ChannelSchedule[]> {
    return this.store.db.select().from(schedules).where(eq(schedules.enabled, true)).all();
  }

  async promptsDue(now: Date): Promise<ChannelSchedule[]> {
    // Through the index on next_run_at alone (a schedule turned off is never due, so
    // \`enabled\` is checked on the few rows found, which keeps the planner off the enabled index).
    return this.store.db
      .select()
      .from(schedules)
      .where(or(lte(schedules.nextRunAt, now.toISOString()), isNull(schedules.nextRunAt)))
      .all()
      .filter((s) => s.enabled);
  }

  async digestsDue(now: Date): Promise<ChannelSchedule[]> {
    // Through the index on next_digest_at alone (a schedule turned off is never due, so
    // \`enabled\` is checked on the few rows found, which keeps the planner off the enabled index).
    return this.store.db
      .select()
      .from(schedules)
      .where(or(lte(schedules.nextDigestAt, now.toISOString()), isNull(schedules.nextDigestAt)))
      .all()
      .filter((s) => s.enabled);
  }

  async promptHandled(teamId: string, channelId: string, now: Date, graceMs: number): Promise<void> {
    const { db } = this.store;
    await this.store.write(() =>
      planNextRuns(db, { teamId, channelId }, now, { prompt: new Date(now.getTime() - graceMs) }),
    );
  }

  async digestHandled(teamId: string, channelId: string, now: Date): Promise<void> {
    const { db } = this.store;
    await this.store.write(() => planNextRuns(db, { teamId, channelId }, now, { digest: now }));
  }
}
