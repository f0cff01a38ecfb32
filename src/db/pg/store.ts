import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { StarError } from '../../core/errors.js';
import type { schema } from './schema.js';

/** Drizzle on PostgreSQL, whichever driver (node-postgres in the app, PGlite in tests); a transaction is one too. */
export type PgDb = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Thrown inside `attempt` to roll its transaction back quietly: the use case had nothing to do. */
class Declined extends Error {}

/** Rolls back the transaction of the `attempt` running now; it then returns undefined. */
export function decline(): never {
  throw new Declined();
}

/** Transactions kept failing on conflicts with other writers for longer than a use case may wait. */
export class DatabaseConflictError extends StarError {
  readonly code = 'database_conflict';
}

// A serializable transaction that lost a race with another one (40001), or a deadlock (40P01), is
// run again from the start after a jittered pause, up to MAX_RETRY_MS in all: the same bound the
// SQLite store gives a locked database.
const MAX_RETRY_MS = 15_000;
const FIRST_PAUSE_MS = 5;
const MAX_PAUSE_MS = 250;
const RETRYABLE = new Set(['40001', '40P01']);

function sqlState(err: unknown): string | undefined {
  // Drizzle wraps a driver's error (DrizzleQueryError) with the driver's own as its cause.
  for (let e = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one place PostgreSQL transactions start. Every write runs SERIALIZABLE, so a use case that
 * reads, decides and writes behaves as if it ran alone, as it does on SQLite under BEGIN IMMEDIATE;
 * where two instances race, PostgreSQL aborts one and it is retried here. Reads outside `write`
 * see committed rows, as on SQLite. Work may run more than once, so it must not touch anything but
 * the transaction it is given.
 */
export class PgStore {
  constructor(
    readonly db: PgDb,
    private readonly random: () => number = Math.random,
  ) {}

  /** One serializable transaction, retried while it conflicts with others (bounded); its result. */
  async write<T>(work: (tx: PgDb) => Promise<T>): Promise<T> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.transaction((tx) => work(tx), { isolationLevel: 'serializable' });
      } catch (err) {
        const state = sqlState(err);
        if (!state || !RETRYABLE.has(state)) throw err;
        if (Date.now() - started >= MAX_RETRY_MS)
          throw new DatabaseConflictError(`transactions kept conflicting for ${Date.now() - started} ms`, {
            cause: err,
          });
        const ceiling = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** attempt);
        await pause(ceiling / 2 + (this.random() * ceiling) / 2);
      }
    }
  }

  /** A write transaction whose work may `decline()`: rolled back, and undefined returned. */
  async attempt<T>(work: (tx: PgDb) => Promise<T>): Promise<T | undefined> {
    try {
      return await this.write(work);
    } catch (err) {
      if (err instanceof Declined) return undefined;
      throw err;
    }
  }
}

/** The first row of a query's result, or undefined (SQLite's `.get()`). */
export async function first<T>(rows: Promise<T[]> | PromiseLike<T[]>): Promise<T | undefined> {
  return (await rows)[0];
}
