// PostgreSQL for tests: PGlite (an embedded build of PostgreSQL, so every machine has one) and a
// real server when one is reachable. Each test file opens one database and empties its tables
// before every test, since starting PostgreSQL (PGlite) or creating a database costs seconds.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { getTableName, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { openPostgres, PG_MIGRATIONS_DIR, type PgDb, pgRepositories } from '../../src/db/pg/index.js';
import { schema } from '../../src/db/pg/schema.js';
import type { Repositories } from '../../src/db/ports.js';
import { TABLES_WITHOUT_TEAM, TEAM_TABLES_IN_DELETE_ORDER } from '../../src/db/team-tables.js';

export interface PgTestDatabase {
  db: PgDb;
  repos: Repositories;
  /** Empties every table and restarts the ids, as a fresh database would have them. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

// Children before parents, so every foreign key holds at each step (the app deletes a workspace
// in this order too), then the tables with no team.
const DELETE_ORDER: readonly string[] = [...TEAM_TABLES_IN_DELETE_ORDER, ...TABLES_WITHOUT_TEAM];
const IDENTITY_TABLES = [
  'practice_sessions',
  'answers',
  'replies',
  'quiz_attempts',
  'prompts',
  'away_ranges',
  'digests',
  'mock_rounds',
  'mocks',
  'mock_scorecards',
  'voice_clips',
  'stories',
  'story_versions',
];

/** Deleting row by row is much quicker than TRUNCATE on tables this small (TRUNCATE rewrites files). */
async function emptyTables(db: PgDb): Promise<void> {
  const missing = Object.values(schema)
    .map((t) => getTableName(t))
    .filter((t) => !DELETE_ORDER.includes(t));
  if (missing.length > 0) throw new Error(`test/helpers/pg.ts does not empty ${missing.join(', ')}`);
  await db.transaction(async (tx) => {
    for (const table of DELETE_ORDER) await tx.execute(sql.raw(`DELETE FROM "${table}"`));
    for (const table of IDENTITY_TABLES)
      await tx.execute(sql.raw(`ALTER TABLE "${table}" ALTER COLUMN "id" RESTART WITH 1`));
  });
}

/** PGlite in memory with every PostgreSQL migration applied. */
export async function pgliteDatabase(): Promise<PgTestDatabase> {
  const client = new PGlite();
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: PG_MIGRATIONS_DIR });
  const typed = db as unknown as PgDb;
  return {
    db: typed,
    repos: pgRepositories(typed),
    reset: () => emptyTables(typed),
    close: () => client.close(),
  };
}

/** The server the real-PostgreSQL suites use: DATABASE_URL, or the project machines' local one. */
export const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why the server cannot be used, or undefined when it answers. */
export async function postgresUnavailable(url = POSTGRES_URL): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message || err.name : String(err);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Runs one statement on the server's own database (CREATE or DROP DATABASE). */
async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let swept: Promise<void> | undefined;

/**
 * Drops test databases whose process is gone (named star_test_<pid>_…): a run that was killed, or
 * the databases a shared SQLite file stood for, which live as long as their test process.
 */
function sweepStale(url: string): Promise<void> {
  swept ??= (async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'star_test_%'");
      for (const { datname } of rows as { datname: string }[]) {
        const pid = Number(datname.split('_')[2]);
        if (Number.isInteger(pid) && !alive(pid)) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      }
    } finally {
      await client.end();
    }
  })().catch(() => {});
  return swept;
}

/** An empty database of its own on the real server; `drop` removes it (and ends its connections). */
export async function createServerDatabase(url = POSTGRES_URL): Promise<{ url: string; drop(): Promise<void> }> {
  await sweepStale(url);
  const name = `star_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(url, `CREATE DATABASE ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  return { url: own.toString(), drop: () => admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * A fresh database on the real server with every migration applied, dropped on close, so runs in
 * parallel (other test files, other checkouts) never see each other's rows.
 */
export async function serverDatabase(url = POSTGRES_URL): Promise<PgTestDatabase> {
  const created = await createServerDatabase(url);
  const opened = await openPostgres(created.url);
  return {
    db: opened.db,
    repos: pgRepositories(opened.db),
    reset: () => emptyTables(opened.db),
    async close() {
      await opened.close();
      await created.drop();
    },
  };
}

let template: Promise<string> | undefined;

/**
 * An empty database of this process with every migration applied, the model fresh test databases
 * are copied from: copying one (about 70 ms) is several times quicker than migrating an empty one.
 * Named like the others, so the run's global teardown (or the next run) drops it.
 */
function migratedTemplate(url: string): Promise<string> {
  template ??= (async () => {
    const created = await createServerDatabase(url);
    const opened = await openPostgres(created.url);
    // A database is copied only while nobody is connected to it.
    await opened.close();
    return new URL(created.url).pathname.slice(1);
  })();
  return template;
}

/** A fresh database of its own on the real server, every migration applied; `drop` removes it. */
export async function migratedServerDatabase(url = POSTGRES_URL): Promise<{ url: string; drop(): Promise<void> }> {
  const model = await migratedTemplate(url);
  const name = `star_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(url, `CREATE DATABASE ${name} TEMPLATE ${model} STRATEGY WAL_LOG`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  return { url: own.toString(), drop: () => admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Drops every test database whose process is gone: the run's global teardown calls it. */
export async function dropStaleServerDatabases(url = POSTGRES_URL): Promise<void> {
  swept = undefined;
  await sweepStale(url);
}

export interface PgliteLease {
  client: PGlite;
  db: PgDb;
  repos: Repositories;
  /** Hands the instance back for the next test (emptied when it is taken again). */
  release(): void;
}

const idlePglites: PgliteLease[] = [];

/**
 * A migrated PGlite with empty tables. Starting one costs seconds, so each test process keeps the
 * ones it started and hands them out again, emptied; a test holding two at once gets two.
 */
export async function leasePglite(): Promise<PgliteLease> {
  const idle = idlePglites.pop();
  if (idle) {
    await emptyTables(idle.db);
    return idle;
  }
  const client = new PGlite();
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: PG_MIGRATIONS_DIR });
  const typed = db as unknown as PgDb;
  const lease: PgliteLease = {
    client,
    db: typed,
    repos: pgRepositories(typed),
    release: () => {
      if (!idlePglites.includes(lease)) idlePglites.push(lease);
    },
  };
  return lease;
}

export type TestBackend = 'sqlite' | 'postgres' | 'pglite';

function chosenBackend(value: string | undefined): TestBackend {
  if (value === undefined || value === '' || value === 'sqlite') return 'sqlite';
  if (value === 'postgres' || value === 'pglite') return value;
  throw new Error(`STAR_TEST_BACKEND must be sqlite, postgres or pglite, not "${value}"`);
}

/**
 * Which database every test that touches one runs on: `STAR_TEST_BACKEND=postgres` (a fresh
 * database of the real server per app or per service world), `pglite` (PGlite in this process),
 * or SQLite files (the default). `npm run test:postgres` and `npm run test:pglite` set it.
 */
export const testBackend: TestBackend = chosenBackend(process.env.STAR_TEST_BACKEND);
