import { and, eq } from 'drizzle-orm';
import type { Level } from '../../core/lp.js';
import type { Db } from '../open.js';
import { users } from '../schema.js';

export interface UserSettings {
  level: Level;
  timezone: string | null;
}

export class UsersRepository {
  constructor(private readonly db: Db) {}

  /** The user's settings, or the defaults for someone we have not seen. */
  get(teamId: string, userId: string): UserSettings {
    const row = this.db
      .select()
      .from(users)
      .where(and(eq(users.teamId, teamId), eq(users.userId, userId)))
      .get();
    return { level: row?.level ?? 'sde2', timezone: row?.timezone ?? null };
  }

  /** Remembers the user's Slack timezone (from users.info) for later defaults. */
  setTimezone(teamId: string, userId: string, timezone: string, now: Date): void {
    const at = now.toISOString();
    this.db
      .insert(users)
      .values({ teamId, userId, timezone, createdAt: at, updatedAt: at })
      .onConflictDoUpdate({ target: [users.teamId, users.userId], set: { timezone, updatedAt: at } })
      .run();
  }

  setLevel(teamId: string, userId: string, level: Level, now: Date): void {
    const at = now.toISOString();
    this.db
      .insert(users)
      .values({ teamId, userId, level, createdAt: at, updatedAt: at })
      .onConflictDoUpdate({ target: [users.teamId, users.userId], set: { level, updatedAt: at } })
      .run();
  }
}
