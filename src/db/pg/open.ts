import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { StarError } from '../../core/errors.js';
import { backfillNextRuns } from './next-runs.js';
import { schema } from './schema.js';
import type { PgDb } from './store.js';

/** The SQL drizzle-kit generated from ./schema.ts (drizzle.pg.config.ts), at the repository root. */
export const PG_MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/pg', import.meta.url));

// Instances starting together all migrate: one at a time under this session-level advisory lock
// (any number will do as long as it is the same for every instance of the app).
const MIGRATION_LOCK = 0x57a2_c0ac;
// A few connections per instance are plenty: a use case is one short transaction.
const POOL_SIZE = 10;

/** The server could not be reached or refused us; the message names the host and the reason. */
export class DatabaseUnreachableError extends StarError {
  readonly code = 'database_unreachable';
}

export interface OpenPostgres {
  db: PgDb;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** Applies pending migrations on one connection, one instance at a time. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client, { schema }), { migrationsFolder: PG_MIGRATIONS_DIR });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Connects to PostgreSQL at `url` (tables in its `public` schema) and applies pending migrations. */
export async function openPostgres(url: string): Promise<OpenPostgres> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  // An idle connection the server dropped must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end();
    const where = new URL(url).host;
    if (err instanceof Error && /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|password|does not exist/.test(err.message))
      throw new DatabaseUnreachableError(`PostgreSQL at ${where}: ${err.message}`, { cause: err });
    throw err;
  }
  const db = drizzle(pool, { schema });
  // Schedules from before their next instants were stored get them now (nothing to do after).
  await backfillNextRuns(db, new Date());
  return {
    db,
    pool,
    close: () => pool.end(),
  };
}
