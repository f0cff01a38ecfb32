import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openDatabase } from '../../src/db/sqlite/open.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A database as an older release left it: the committed migrations up to `tag` only. */
function databaseAt(tag: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'star-migrate-'));
  dirs.push(dir);
  const older = path.join(dir, 'migrations');
  mkdirSync(path.join(older, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'));
  const upTo = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
  journal.entries = journal.entries.slice(0, upTo + 1);
  for (const entry of journal.entries)
    cpSync(path.join(MIGRATIONS_DIR, `${entry.tag}.sql`), path.join(older, `${entry.tag}.sql`));
  writeFileSync(path.join(older, 'meta/_journal.json'), JSON.stringify(journal));
  const file = path.join(dir, 'star.db');
  const sqlite = new Database(file);
  migrate(drizzle(sqlite), { migrationsFolder: older });
  sqlite.close();
  return file;
}

const AT = '2026-11-30T09:00:00.000Z';

describe('migration 0005: foreign keys and the dead status', () => {
  it('keeps every row that belongs somewhere, drops orphans, unlinks dangling replies, and then enforces the keys', () => {
    const file = databaseAt('0004_forgotten_users');
    const old = new Database(file);
    old.exec(`
      INSERT INTO practice_sessions (id, team_id, user_id, channel_id, question_ts, mode, scenario_id, lp, level, state, probe_index, created_at, updated_at)
        VALUES (1, 'T1234', 'U1234', 'D1234', '1700000000.000001', 'dm', 'webhook-retry-fix', 'ownership', 'sde2', 'answered', -1, '${AT}', '${AT}');
      INSERT INTO answers (id, team_id, user_id, session_id, kind, probe_index, lp, level, text, overall, verdict, dimensions, flags, rubric_version, created_at, updated_at)
        VALUES (1, 'T1234', 'U1234', 1, 'answer', -1, 'ownership', 'sde2', 'text', 50, 'lean-no-hire', '{}', '[]', 1, '${AT}', '${AT}');
      INSERT INTO answer_messages (team_id, channel_id, message_ts, answer_id, text, created_at)
        VALUES ('T1234', 'D1234', '1700000100.000001', 1, 'first', '${AT}'),
               ('T1234', 'D1234', '1700000101.000001', 1, 'second', '${AT}'),
               ('T1234', 'D1234', '1700000102.000001', 999, 'orphan', '${AT}');
      INSERT INTO replies (id, team_id, channel_id, thread_ts, purpose, session_id, answer_id, text, blocks, status, next_attempt_at, last_error, created_at, updated_at)
        VALUES (1, 'T1234', 'D1234', '1700000000.000001', 'feedback', 1, 1, 'feedback', '[]', 'sent', '${AT}', NULL, '${AT}', '${AT}'),
               (2, 'T1234', 'C1234', NULL, 'notice', NULL, NULL, 'digest', '[]', 'sent', '${AT}', 'gave up: channel_not_found', '${AT}', '${AT}');
      INSERT INTO digests (team_id, channel_id, week_key, reply_id, created_at) VALUES ('T1234', 'C1234', '2026-11-27', 77, '${AT}');
    `);
    old.close();

    const { sqlite, close } = openDatabase(file);
    try {
      const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
      expect(count('SELECT count(*) AS n FROM answer_messages WHERE answer_id = 1')).toBe(2);
      expect(count('SELECT count(*) AS n FROM answer_messages')).toBe(2);
      expect(sqlite.prepare('SELECT reply_id FROM digests').get()).toEqual({ reply_id: null });
      expect(sqlite.prepare('SELECT id, status FROM replies ORDER BY id').all()).toEqual([
        { id: 1, status: 'sent' },
        { id: 2, status: 'dead' },
      ]);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(() =>
        sqlite
          .prepare(
            `INSERT INTO answer_messages (team_id, channel_id, message_ts, answer_id, text, created_at) VALUES ('T1234', 'D1234', '1', 999, 'x', '${AT}')`,
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
      // A session taken away takes its answers, their messages and its replies with it.
      sqlite.prepare('DELETE FROM practice_sessions WHERE id = 1').run();
      expect(count('SELECT count(*) AS n FROM answers') + count('SELECT count(*) AS n FROM answer_messages')).toBe(0);
      expect(count('SELECT count(*) AS n FROM replies WHERE session_id IS NOT NULL')).toBe(0);
    } finally {
      close();
    }
  });

  it('opens a new database with the keys on, and a second open changes nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'star-migrate-'));
    dirs.push(dir);
    const file = path.join(dir, 'star.db');
    openDatabase(file).close();
    const again = openDatabase(file);
    expect(again.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(again.sqlite.pragma('foreign_key_check')).toEqual([]);
    again.close();
  });
});

describe('migration 0011 (schedule_next_run): next prompt and digest instants', () => {
  it('fills them in for schedules written before it, and the tick then reads only due ones', () => {
    const file = databaseAt('0007_delivery_claims');
    const old = new Database(file);
    old.exec(`
      INSERT INTO schedules (team_id, channel_id, minute_of_day, timezone, days, lps, feedback, enabled, not_before, last_slot_at, digest_day, digest_minute, created_by, created_at, updated_at)
        VALUES ('T1234', 'C1234', 570, 'Europe/Berlin', '[1,2,3,4,5]', '[]', 'private', 1, '${AT}', '2026-11-30T08:30:00.000Z', 5, 960, 'U1234', '${AT}', '${AT}'),
               ('T1234', 'C5678', 570, 'Europe/Berlin', '[1,2,3,4,5]', '[]', 'private', 0, '${AT}', NULL, 5, 960, 'U1234', '${AT}', '${AT}');
    `);
    old.close();
    const { sqlite, close } = openDatabase(file);
    try {
      expect(
        sqlite.prepare('SELECT channel_id, next_run_at, next_digest_at FROM schedules ORDER BY channel_id').all(),
      ).toEqual([
        // Monday's 09:30 Berlin slot was claimed: Tuesday's is next; the digest is the next Friday 16:00 Berlin.
        {
          channel_id: 'C1234',
          next_run_at: '2026-12-01T08:30:00.000Z',
          next_digest_at: expect.stringMatching(/T15:00:00\.000Z$/),
        },
        // Turned off: never due until it is turned on again.
        { channel_id: 'C5678', next_run_at: '9999-12-31T23:59:59.999Z', next_digest_at: '9999-12-31T23:59:59.999Z' },
      ]);
      const { next_digest_at: digest } = sqlite
        .prepare("SELECT next_digest_at FROM schedules WHERE channel_id = 'C1234'")
        .get() as { next_digest_at: string };
      expect(new Date(digest).getUTCDay()).toBe(5);
      expect(Date.parse(digest)).toBeGreaterThan(Date.now() - 3600_000);
      const plan = sqlite
        .prepare('EXPLAIN QUERY PLAN SELECT * FROM schedules WHERE next_run_at <= ? OR next_run_at IS NULL')
        .all('2026-12-01T08:30:00.000Z') as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/schedules_next_run/);
    } finally {
      close();
    }
  });
});
