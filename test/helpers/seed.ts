import type { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { RubricResult } from '../../src/core/rubric/index.js';
import { openDatabase } from '../../src/db/sqlite/open.js';
import { answers, practiceSessions } from '../../src/db/sqlite/schema.js';
import { TEAM } from './harness.js';

/** Where an app's rows are: its SQLite file, or the PostgreSQL database (server or PGlite) standing in for it. */
export interface StoreAt {
  dbFile: string;
  databaseUrl?: string;
  pglite?: PGlite;
}

/** What node-postgres' client and PGlite have alike. */
interface PgQueryable {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Runs `work` on a connection of its own to the server database, or on the PGlite itself. */
async function onPostgres<T>(at: StoreAt, work: (client: PgQueryable) => Promise<T>): Promise<T> {
  if (at.pglite) return work(at.pglite);
  const client = new pg.Client({ connectionString: at.databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface SeedAnswer {
  userId: string;
  lp: string;
  text: string;
  result: RubricResult;
  at: Date;
}

/**
 * Writes a long history of scored DM answers (a session and its answer each) straight into an
 * app's database file in one transaction, through a second connection: for tests that need a year
 * of history in a moment. The app's own path to the same rows is tested elsewhere.
 */
export async function storeDmAnswers(at: StoreAt, history: readonly SeedAnswer[]): Promise<void> {
  if (at.databaseUrl || at.pglite) return onPostgres(at, (client) => storeDmAnswersPg(client, history));
  const { db, close } = openDatabase(at.dbFile);
  try {
    db.transaction((tx) => {
      for (const a of history) {
        const at = a.at.toISOString();
        const session = tx
          .insert(practiceSessions)
          .values({
            teamId: TEAM,
            userId: a.userId,
            channelId: `D${a.userId.slice(1)}`,
            scenarioId: 'webhook-retry-fix',
            lp: a.lp,
            level: 'sde2',
            state: 'answered',
            createdAt: at,
            updatedAt: at,
          })
          .returning({ id: practiceSessions.id })
          .get();
        tx.insert(answers)
          .values({
            teamId: TEAM,
            userId: a.userId,
            sessionId: session.id,
            kind: 'answer',
            lp: a.lp,
            level: 'sde2',
            text: a.text,
            overall: a.result.overall,
            verdict: a.result.verdict,
            dimensions: a.result.dimensions,
            flags: a.result.flags.map((f) => ({ id: f.id, quote: f.quote })),
            rubricVersion: a.result.rubricVersion,
            createdAt: at,
            updatedAt: at,
          })
          .run();
      }
    });
  } finally {
    close();
  }
}

async function storeDmAnswersPg(client: PgQueryable, history: readonly SeedAnswer[]): Promise<void> {
  await client.query('BEGIN');
  for (const a of history) {
    const at = a.at.toISOString();
    const session = await client.query(
      `INSERT INTO practice_sessions (team_id, user_id, channel_id, scenario_id, lp, level, state, created_at, updated_at)
         VALUES ($1, $2, $3, 'webhook-retry-fix', $4, 'sde2', 'answered', $5, $5) RETURNING id`,
      [TEAM, a.userId, `D${a.userId.slice(1)}`, a.lp, at],
    );
    const sessionId = (session.rows[0] as { id: number }).id;
    await client.query(
      `INSERT INTO answers (team_id, user_id, session_id, kind, lp, level, text, overall, verdict, dimensions, flags, rubric_version, created_at, updated_at)
         VALUES ($1, $2, $3, 'answer', $4, 'sde2', $5, $6, $7, $8, $9, $10, $11, $11)`,
      [
        TEAM,
        a.userId,
        sessionId,
        a.lp,
        a.text,
        a.result.overall,
        a.result.verdict,
        JSON.stringify(a.result.dimensions),
        JSON.stringify(a.result.flags.map((f) => ({ id: f.id, quote: f.quote }))),
        a.result.rubricVersion,
        at,
      ],
    );
  }
  await client.query('COMMIT');
}

/** Every row of every table of the app (its migrations' bookkeeping left out), as JSON text with its table. */
export async function everyRow(at: StoreAt): Promise<{ table: string; json: string }[]> {
  const rows: { table: string; json: string }[] = [];
  if (at.databaseUrl || at.pglite) {
    await onPostgres(at, async (client) => {
      const tables = await client.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
      );
      for (const { table_name: table } of tables.rows as { table_name: string }[])
        for (const row of (await client.query(`SELECT * FROM "${table}"`)).rows)
          rows.push({ table, json: JSON.stringify(row) });
    });
    return rows;
  }
  const db = new Database(at.dbFile, { readonly: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type='table' and name not like 'sqlite_%' and name != '__drizzle_migrations'",
      )
      .all() as { name: string }[];
    for (const { name } of tables)
      for (const row of db.prepare(`select * from ${name}`).all())
        rows.push({ table: name, json: JSON.stringify(row) });
  } finally {
    db.close();
  }
  return rows;
}
