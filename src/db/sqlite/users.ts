import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { MessageContent, UserSettings } from '../../core/domain.js';
import type { Level } from '../../core/lp.js';
import { type CachedTimezone, type UsersRepository, welcomeReply } from '../ports.js';
import { param, preparedOnce, setParam } from './prepared.js';
import { insertReply } from './replies.js';
import { users } from './schema.js';
import type { SqliteStore } from './store.js';

const userByKey = preparedOnce((db) =>
  db
    .select()
    .from(users)
    .where(and(eq(users.teamId, param('teamId')), eq(users.userId, param('userId'))))
    .prepare(),
);

/** The person's row with the welcome marked given, unless it was given before (then no row comes back). */
const claimWelcomeOf = preparedOnce((db) =>
  db
    .insert(users)
    .values({
      teamId: param('teamId'),
      userId: param('userId'),
      welcomedAt: param('at'),
      createdAt: param('at'),
      updatedAt: param('at'),
    })
    .onConflictDoUpdate({
      target: [users.teamId, users.userId],
      set: { welcomedAt: setParam('at'), updatedAt: setParam('at') },
      setWhere: isNull(users.welcomedAt),
    })
    .returning({ userId: users.userId })
    .prepare(),
);

export class SqliteUsers implements UsersRepository {
  constructor(private readonly store: SqliteStore) {}

  async get(teamId: string, userId: string): Promise<UserSettings> {
    const row = userByKey(this.store.db).get({ teamId, userId });
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
    return (await this.claimWelcomeThen(teamId, userId, now, () => true)) ?? false;
  }

  welcome(teamId: string, userId: string, content: () => MessageContent, now: Date): Promise<number | undefined> {
    return this.claimWelcomeThen(
      teamId,
      userId,
      now,
      () => insertReply(this.store.db, welcomeReply(teamId, userId), content(), now).id,
    );
  }

  /** Claims the person's welcome and runs `then` in the same transaction; undefined if welcomed before. */
  private async claimWelcomeThen<T>(teamId: string, userId: string, now: Date, then: () => T): Promise<T | undefined> {
    // Most answers come from people welcomed long ago: a read settles it without the write lock.
    if (userByKey(this.store.db).get({ teamId, userId })?.welcomedAt) return undefined;
    const at = now.toISOString();
    return this.store.write(() =>
      claimWelcomeOf(this.store.db).all({ teamId, userId, at }).length > 0 ? then() : undefined,
    );
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
