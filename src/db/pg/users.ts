import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { MessageContent, UserSettings } from '../../core/domain.js';
import type { Level } from '../../core/lp.js';
import { type CachedTimezone, type UsersRepository, welcomeReply } from '../ports.js';
import { insertReply } from './replies.js';
import { users } from './schema.js';
import { first, type PgDb, type PgStore } from './store.js';

export class PgUsers implements UsersRepository {
  constructor(private readonly store: PgStore) {}

  async get(teamId: string, userId: string): Promise<UserSettings> {
    const row = await first(
      this.store.db
        .select()
        .from(users)
        .where(and(eq(users.teamId, teamId), eq(users.userId, userId))),
    );
    return { level: row?.level ?? 'sde2', levelChosen: Boolean(row?.levelChosenAt), timezone: row?.timezone ?? null };
  }

  async setTimezone(teamId: string, userId: string, timezone: string, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.store.db
      .insert(users)
      .values({ teamId, userId, timezone, createdAt: at, updatedAt: at })
      .onConflictDoUpdate({ target: [users.teamId, users.userId], set: { timezone, updatedAt: at } });
  }

  async setLevel(teamId: string, userId: string, level: Level, now: Date): Promise<void> {
    const at = now.toISOString();
    await this.store.db
      .insert(users)
      .values({ teamId, userId, level, levelChosenAt: at, createdAt: at, updatedAt: at })
      .onConflictDoUpdate({
        target: [users.teamId, users.userId],
        set: { level, levelChosenAt: at, updatedAt: at },
      });
  }

  claimWelcome(teamId: string, userId: string, now: Date): Promise<boolean> {
    return claimWelcomeIn(this.store.db, teamId, userId, now);
  }

  async welcome(teamId: string, userId: string, content: () => MessageContent, now: Date): Promise<number | undefined> {
    return this.store.write(async (tx) => {
      if (!(await claimWelcomeIn(tx, teamId, userId, now))) return undefined;
      return (await insertReply(tx, welcomeReply(teamId, userId), content(), now)).id;
    });
  }

  async timezones(teamId: string, userIds: readonly string[]): Promise<Map<string, CachedTimezone>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.store.db
      .select()
      .from(users)
      .where(and(eq(users.teamId, teamId), inArray(users.userId, [...userIds])));
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
    await this.store.db
      .insert(users)
      .values({ teamId, userId, ...values, createdAt: at })
      .onConflictDoUpdate({ target: [users.teamId, users.userId], set: values });
  }
}

/** Marks the person welcomed unless they were already: true the first time only. */
async function claimWelcomeIn(db: PgDb, teamId: string, userId: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const claimed = await db
    .insert(users)
    .values({ teamId, userId, welcomedAt: at, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({
      target: [users.teamId, users.userId],
      set: { welcomedAt: at, updatedAt: at },
      setWhere: isNull(users.welcomedAt),
    })
    .returning({ userId: users.userId });
  return claimed.length > 0;
}
