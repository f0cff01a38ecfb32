import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { UserSettings } from '../../core/domain.js';
import type { Level } from '../../core/lp.js';
import type { CachedTimezone, UsersRepository } from '../ports.js';
import { users } from './schema.js';
import type { SqliteStore } from './store.js';

export class SqliteUsers implements UsersRepository {
  constructor(private readonly store: SqliteStore) {}

  async get(teamId: string, userId: string): Promise<UserSettings> {
    const row = this.store.db
      .select()
      .from(users)
      .where(and(eq(users.teamId, teamId), eq(users.userId, userId)))
      .get();
    return { level: row?.level ?? 'sde2', levelChosen: Boolean(row?.levelChosenAt), timezone: row?.timezone ?? null };
  }

  async setTimezone(teamId: string, userId: string, timezone: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.store.write(() =>
      this.store.db
        .insert(users)
        .values({ teamId, userId, timezone, createdAt: at, updatedAt: at })
        .onConflictDoUpdate({ target: [users.teamId, users.userId], set: { timezone, updatedAt: at } })
        .run(),
    );
  }

  async setLevel(teamId: string, userId: string, level: Level, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.store.write(() =>
      this.store.db
        .insert(users)
        .values({ teamId, userId, level, levelChosenAt: at, createdAt: at, updatedAt: at })
        .onConflictDoUpdate({
          target: [users.teamId, users.userId],
          set: { level, levelChosenAt: at, updatedAt: at },
        })
        .run(),
    );
  }

  async claimWelcome(teamId: string, userId: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    return this.store.write(() => {
      const claimed = this.store.db
        .insert(users)
        .values({ teamId, userId, welcomedAt: at, createdAt: at, updatedAt: at })
        .onConflictDoUpdate({
          target: [users.teamId, users.userId],
          set: { welcomedAt: at, updatedAt: at },
          setWhere: isNull(users.welcomedAt),
        })
        .returning({ userId: users.userId })
        .all();
      return claimed.length > 0;
    });
  }

  async timezones(teamId: string, userIds: readonly string[]): Promise<Map<string, CachedTimezone>> {
    if (userIds.length === 0) return new Map();
    const rows = this.store.db
      .select()
      .from(users)
      .where(and(eq(users.teamId, teamId), inArray(users.userId, [...userIds])))
      .all();
    return new Map(
      rows.map((r) => [
        r.userId,
        { timezone: r.timezone, offsetSeconds: r.tzOffsetSeconds, checkedAt: r.timezoneCheckedAt },
      ]),
    );
  }

  async cacheTimezone(
    teamId: string,
    userId: string,
    timezone: string | null,
    offsetSeconds: number | null,
    now: Date,
  ): Promise<void> {
    const at = now.toISOString();
    const values = { timezone, tzOffsetSeconds: offsetSeconds, timezoneCheckedAt: at, updatedAt: at };
    this.store.db
      .insert(users)
      .values({ teamId, userId, ...values, createdAt: at })
      .onConflictDoUpdate({ target: [users.teamId, users.userId], set: values })
      .run();
  }
}
