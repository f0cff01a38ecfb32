import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/sqlite/open.js';
import { users } from '../../src/db/sqlite/schema.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open() {
  const dir = mkdtempSync(path.join(tmpdir(), 'star-open-'));
  dirs.push(dir);
  return openDatabase(path.join(dir, 'star.db'));
}

describe('openDatabase', () => {
  it('syncs in WAL mode at checkpoints (synchronous NORMAL)', () => {
    const database = open();
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.sqlite.pragma('synchronous', { simple: true })).toBe(1);
    database.close();
  });

  it('reuses prepared statements, and a statement drizzle used in raw mode gives rows again', () => {
    const database = open();
    const { db, sqlite } = database;
    const at = '2026-12-01T00:00:00.000Z';
    db.insert(users).values({ teamId: 'T1234', userId: 'U1234', createdAt: at, updatedAt: at }).run();
    const text = 'SELECT user_id FROM users WHERE team_id = ?';
    expect(sqlite.prepare(text)).toBe(sqlite.prepare(text));
    // drizzle reads typed selections in raw mode (arrays) and raw SQL as objects.
    sqlite.prepare(text).raw(true);
    expect(sqlite.prepare(text).get('T1234')).toEqual({ user_id: 'U1234' });
    expect(db.select({ id: users.userId }).from(users).where(eq(users.teamId, 'T1234')).all()).toEqual([
      { id: 'U1234' },
    ]);
    expect(db.all(sql`SELECT user_id FROM users WHERE team_id = ${'T1234'}`)).toEqual([{ user_id: 'U1234' }]);
    // Statements that return nothing are cached too.
    const write = 'UPDATE users SET level = ? WHERE team_id = ?';
    expect(sqlite.prepare(write)).toBe(sqlite.prepare(write));
    expect(sqlite.prepare(write).run('senior', 'T1234').changes).toBe(1);
    database.close();
  });
});
