import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { StarError } from '../../core/errors.js';
import { backfillNextRuns } from './next-runs.js';
import { schema } from './schema.js';

/** How long SQLite itself waits for another writer's lock (synchronously); SqliteStore retries beyond it. */
export const BUSY_TIMEOUT_MS = 200;

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenDatabase {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

/** The SQL drizzle-kit generated from schema.ts, at the repository root (the same from src/ and dist/). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** After a migration, rows that break a foreign key: the database is not what the app expects. */
export class DatabaseIntegrityError extends StarError {
  readonly code = 'database_integrity';
}

function appliedMigrations(sqlite: Database.Database): number {
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  return table ? (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n : 0;
}

/**
 * Applies pending migrations. SQLite changes a table by rebuilding it, so foreign keys are off
 * meanwhile (dropping the old table would otherwise delete or refuse the rows pointing at it), and
 * checked once afterwards, as SQLite's own procedure for schema changes says.
 */
function migrateSafely(sqlite: Database.Database, db: Db): void {
  const before = appliedMigrations(sqlite);
  sqlite.pragma('foreign_keys = OFF');
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  if (appliedMigrations(sqlite) !== before) {
    const broken = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    if (broken.length > 0)
      throw new DatabaseIntegrityError(
        `${broken.length} row(s) point at rows that do not exist after migrating, e.g. ${broken[0].table} row ${broken[0].rowid} → ${broken[0].parent}`,
      );
  }
  sqlite.pragma('foreign_keys = ON');
}

/** SQL texts whose prepared statements are kept (least recently used dropped past this). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Keeps prepared statements for reuse. drizzle prepares its SQL again on every query; compiling a
 * statement is most of what a small query costs, and the queries a running app makes are a few
 * hundred texts, each made many times. A cached statement is handed out in its default row mode
 * (drizzle switches it to raw mode itself where it wants arrays). better-sqlite3 is synchronous
 * and drizzle never iterates, so a statement is never in use twice at once.
 */
function cacheStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
      if (statement.reader) statement.raw(false);
    } else {
      statement = prepare(source);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(source, statement);
    return statement;
  }) as Database.Database['prepare'];
}

/** Opens (creating folders as needed) the SQLite file in WAL mode and applies pending migrations. */
export function openDatabase(file: string): OpenDatabase {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // In WAL mode NORMAL syncs at checkpoints rather than at every commit: a crash of the process
  // loses nothing committed and the file stays consistent; only a power cut or an OS crash may
  // drop the last few commits (whose events Slack then redelivers, as it does any unacknowledged one).
  sqlite.pragma('synchronous = NORMAL');
  // Several app instances may share the file. Two starting together both migrate: the second waits
  // for the first's lock (migrations run once, at start, so a long wait is fine here).
  sqlite.pragma('busy_timeout = 30000');
  const db = drizzle(sqlite, { schema });
  migrateSafely(sqlite, db);
  // Schedules from before their next instants were stored get them now (once; nothing to do after).
  backfillNextRuns(db, new Date());
  // From now on a lock is waited for briefly and synchronously; SqliteStore.write retries beyond that.
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  cacheStatements(sqlite);
  return {
    db,
    sqlite,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}
