import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { RUBRIC_VERSION } from '../../src/core/rubric/index.js';
import { openPostgres } from '../../src/db/pg/index.js';
import * as pgSchema from '../../src/db/pg/schema.js';
import { openDatabase } from '../../src/db/sqlite/index.js';
import { answers, practiceSessions } from '../../src/db/sqlite/schema.js';
import { fakeIo } from '../helpers/fake-io.js';
import { createServerDatabase, POSTGRES_URL, postgresUnavailable } from '../helpers/pg.js';

const TEXT =
  'At my previous job I ran the checkout service. My goal was to stop payment timeouts before the sale. ' +
  'I profiled the calls, I found a missing index and I added it. As a result p99 fell from 900 ms to 120 ms. I learned to check query plans first.';

// SQLite in every STAR_TEST_BACKEND: `--db FILE` names a SQLite file; the PostgreSQL case, below, runs
// whenever a server answers.

/** A database file holding one answer scored by rubric version 1 (a made-up old score). */
function seededDatabase(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'star-rescore-')), 'star.db');
  const database = openDatabase(file);
  const at = '2026-01-05T10:00:00.000Z';
  const session = database.db
    .insert(practiceSessions)
    .values({
      teamId: 'T1234',
      userId: 'U1234',
      channelId: 'C1234',
      scenarioId: 'no-such-question',
      lp: 'dive-deep',
      level: 'sde2',
      state: 'done',
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get();
  database.db
    .insert(answers)
    .values({
      teamId: 'T1234',
      userId: 'U1234',
      sessionId: session.id,
      kind: 'answer',
      lp: 'dive-deep',
      level: 'sde2',
      text: TEXT,
      overall: 12,
      verdict: 'no-hire',
      dimensions: {},
      flags: [{ id: 'no-metric', quote: 'old' }],
      rubricVersion: 1,
      createdAt: at,
      updatedAt: at,
    })
    .run();
  database.close();
  return file;
}

function storedAnswer(file: string) {
  const database = openDatabase(file);
  try {
    return database.db.select().from(answers).get();
  } finally {
    database.close();
  }
}

describe('star rescore', () => {
  it('re-scores an answer stored by an older rubric, and a second run changes nothing', async () => {
    const file = seededDatabase();
    const first = fakeIo('');
    expect(await runCli(['rescore', '--db', file], first)).toBe(0);
    expect(first.stdout.join('\n')).toContain('1 answer(s) below rubric version');
    expect(first.stdout.join('\n')).toContain('1 re-scored');
    const after = storedAnswer(file);
    expect(after?.rubricVersion).toBe(RUBRIC_VERSION);
    expect(after?.overall).not.toBe(12);
    expect(after?.flags).not.toContainEqual({ id: 'no-metric', quote: 'old' });

    const second = fakeIo('');
    expect(await runCli(['rescore', '--db', file], second)).toBe(0);
    expect(second.stdout.join('\n')).toContain('0 answer(s) below rubric version');
    expect(storedAnswer(file)).toEqual(after);
  });

  it('refuses a database file that does not exist rather than creating one', async () => {
    const io = fakeIo('');
    const missing = path.join(mkdtempSync(path.join(tmpdir(), 'star-rescore-')), 'none.db');
    expect(await runCli(['rescore', '--db', missing], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('no database at');
  });
});

// The same on PostgreSQL (DATABASE_URL, as the app reads it), on a fresh database of the real
// server; without one the test says so visibly.
const unavailable = await postgresUnavailable();

describe('star rescore on PostgreSQL', () => {
  it(unavailable
    ? `SKIPPED: no PostgreSQL server at ${new URL(POSTGRES_URL).host} (${unavailable})`
    : 're-scores an answer stored by an older rubric at DATABASE_URL, once', async () => {
    if (unavailable) {
      console.warn(`[rescore.test] the PostgreSQL case did not run: ${unavailable}`);
      return;
    }
    const created = await createServerDatabase();
    const previous = process.env.DATABASE_URL;
    try {
      const database = await openPostgres(created.url);
      const at = '2026-01-05T10:00:00.000Z';
      try {
        const [session] = await database.db
          .insert(pgSchema.practiceSessions)
          .values({
            teamId: 'T1234',
            userId: 'U1234',
            channelId: 'C1234',
            scenarioId: 'no-such-question',
            lp: 'dive-deep',
            level: 'sde2',
            state: 'done',
            createdAt: at,
            updatedAt: at,
          })
          .returning();
        await database.db.insert(pgSchema.answers).values({
          teamId: 'T1234',
          userId: 'U1234',
          sessionId: session.id,
          kind: 'answer',
          lp: 'dive-deep',
          level: 'sde2',
          text: TEXT,
          overall: 12,
          verdict: 'no-hire',
          dimensions: {},
          flags: [{ id: 'no-metric', quote: 'old' }],
          rubricVersion: 1,
          createdAt: at,
          updatedAt: at,
        });
        process.env.DATABASE_URL = created.url;
        const first = fakeIo('');
        expect(await runCli(['rescore'], first)).toBe(0);
        expect(first.stdout.join('\n')).toContain('1 re-scored');
        const [after] = await database.db.select().from(pgSchema.answers);
        expect(after.rubricVersion).toBe(RUBRIC_VERSION);
        expect(after.overall).not.toBe(12);
        const second = fakeIo('');
        expect(await runCli(['rescore'], second)).toBe(0);
        expect(second.stdout.join('\n')).toContain('0 answer(s) below rubric version');
      } finally {
        await database.close();
      }
    } finally {
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
      await created.drop();
    }
  }, 60_000);
});
