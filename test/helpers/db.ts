import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { OpenRepositories } from '../../src/db/open.js';
import { openPostgres, pgRepositories } from '../../src/db/pg/index.js';
import type { Repositories } from '../../src/db/ports.js';
import { type OpenDatabase, openDatabase, sqliteRepositories } from '../../src/db/sqlite/index.js';
import { leasePglite, migratedServerDatabase, type TestBackend, testBackend } from './pg.js';

export interface TempDatabase {
  file: string;
  database: OpenDatabase;
  repos: Repositories;
  close(): void;
}

/** A real SQLite file in a temporary folder with every migration applied, as the app opens it. */
export function tempDatabase(): TempDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), 'star-db-'));
  const file = path.join(dir, 'star.db');
  const database = openDatabase(file);
  return {
    file,
    database,
    repos: sqliteRepositories(database.db),
    close() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Rows as the database gives them back (column names as in the SQL). */
export type Row = Record<string, unknown>;

/**
 * Raw SQL on a test's database, for planting a state the app cannot make or reading rows the
 * ports do not show. `$1`, `$2` … are the parameters on every backend.
 */
export type RawQuery = (text: string, params?: readonly unknown[]) => Promise<Row[]>;

export interface TestDatabase {
  backend: TestBackend;
  repos: Repositories;
  /** On PostgreSQL: the database's URL, for processes and other connections. */
  url?: string;
  /** On SQLite: the file. */
  file?: string;
  query: RawQuery;
  /** A second connection to the same database with its own repositories, as another instance of the app has. */
  connectAgain(): Promise<{ repos: Repositories; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** Runs `close` once however often it is called (by the test, then by the database's own close). */
function once(close: () => Promise<void>): () => Promise<void> {
  let closed: Promise<void> | undefined;
  return () => {
    closed ??= close();
    return closed;
  };
}

/** SQLite takes `?`; the tests write `$1`, `$2` … as PostgreSQL does. */
function sqliteQuery(sqlite: Database.Database): RawQuery {
  return async (text, params = []) => {
    const statement = sqlite.prepare(text.replace(/\$\d+/g, '?'));
    if (statement.reader) return statement.all(...params) as Row[];
    statement.run(...params);
    return [];
  };
}

/**
 * A fresh, migrated database on the backend the run chose (`STAR_TEST_BACKEND`, see ./pg.ts): a
 * SQLite file in a temporary folder, a database of its own on the PostgreSQL server (dropped on
 * close), or an emptied PGlite of this process.
 */
export async function testDatabase(): Promise<TestDatabase> {
  if (testBackend === 'postgres') {
    const created = await migratedServerDatabase();
    const opened = await openPostgres(created.url);
    const again: (() => Promise<void>)[] = [];
    return {
      backend: 'postgres',
      repos: pgRepositories(opened.db),
      url: created.url,
      query: async (text, params = []) => (await opened.pool.query(text, [...params])).rows,
      async connectAgain() {
        const second = await openPostgres(created.url);
        const close = once(() => second.close());
        again.push(close);
        return { repos: pgRepositories(second.db), close };
      },
      async close() {
        for (const close of again) await close();
        await opened.close();
        await created.drop();
      },
    };
  }
  if (testBackend === 'pglite') {
    const lease = await leasePglite();
    return {
      backend: 'pglite',
      repos: lease.repos,
      query: async (text, params = []) => (await lease.client.query<Row>(text, [...params])).rows,
      // PGlite is one connection in this process: a second "instance" shares it.
      connectAgain: async () => ({ repos: pgRepositories(lease.db), close: async () => {} }),
      close: async () => lease.release(),
    };
  }
  const temp = tempDatabase();
  const again: (() => Promise<void>)[] = [];
  return {
    backend: 'sqlite',
    repos: temp.repos,
    file: temp.file,
    query: sqliteQuery(temp.database.sqlite),
    async connectAgain() {
      const second = openDatabase(temp.file);
      const close = once(async () => second.close());
      again.push(close);
      return { repos: sqliteRepositories(second.db), close };
    },
    async close() {
      for (const close of again) await close();
      temp.close();
    },
  };
}

export interface AppDatabase {
  /** What the app's configuration gets: `STAR_DB`, and `DATABASE_URL` on the PostgreSQL server. */
  env: Record<string, string>;
  /** On PGlite: the database itself, for `startStarCoach`'s `database` option. */
  database?: OpenRepositories;
  release(): Promise<void>;
}

/**
 * A fresh database on the run's backend for a whole app in this process: the SQLite file `dbFile`
 * (which the app creates), a database of its own on the server, or a PGlite of this process.
 */
export async function appDatabase(dbFile: string): Promise<AppDatabase> {
  if (testBackend === 'pglite') {
    const lease = await leasePglite();
    return {
      env: { STAR_DB: dbFile },
      // The test's process owns the PGlite: the app's stop leaves it open, the release hands it back.
      database: { backend: 'postgres', repos: lease.repos, close: async () => {} },
      release: async () => lease.release(),
    };
  }
  return processDatabase(dbFile);
}

/**
 * The same for an app the test spawns as a process. PGlite lives in one process and cannot be
 * shared, so on STAR_TEST_BACKEND=pglite a spawned app runs on the SQLite file.
 */
export async function processDatabase(dbFile: string): Promise<AppDatabase> {
  if (testBackend === 'postgres') {
    const created = await migratedServerDatabase();
    return { env: { STAR_DB: dbFile, DATABASE_URL: created.url }, release: created.drop };
  }
  return { env: { STAR_DB: dbFile }, release: async () => {} };
}
