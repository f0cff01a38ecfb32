import Database from 'better-sqlite3';
import { StarError } from '../../core/errors.js';
import type { Db } from './open.js';

/** Thrown inside `attempt` to roll its transaction back quietly: the use case had nothing to do. */
class Declined extends Error {}

/** Rolls back the transaction of the `attempt` running now; it then returns undefined. */
export function decline(): never {
  throw new Declined();
}

/** The database stayed locked by other writers for longer than a use case may wait. */
export class DatabaseBusyError extends StarError {
  readonly code = 'database_busy';
}

// Another instance may hold the write lock. SQLite's own busy handler waits up to BUSY_TIMEOUT_MS
// (open.ts; synchronously, so it is short: the event loop stalls meanwhile); past that the
// transaction is tried again after a jittered pause that lets the event loop run, up to
// MAX_BUSY_WAIT_MS in all.
const MAX_BUSY_WAIT_MS = 15_000;
const FIRST_PAUSE_MS = 5;
const MAX_PAUSE_MS = 250;

function isBusy(err: unknown): boolean {
  return err instanceof Database.SqliteError && (err.code === 'SQLITE_BUSY' || err.code.startsWith('SQLITE_BUSY_'));
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one place SQLite transactions start: every write of every repository runs through `write`,
 * so how they lock and retry is decided once. Each is `BEGIN IMMEDIATE`: the write lock is taken
 * before the first read, so a transaction never reads, then finds another instance wrote meanwhile
 * and fails to upgrade (a deferred transaction's "database is locked", which no busy timeout
 * covers). better-sqlite3 is synchronous, so a transaction's work is too: nothing else runs on
 * this connection until it commits, and a retry runs the work again from the start.
 */
export class SqliteStore {
  constructor(
    readonly db: Db,
    private readonly random: () => number = Math.random,
  ) {}

  /** One write transaction, retried while another writer holds the lock (bounded); its result. */
  async write<T>(work: () => T): Promise<T> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return this.db.transaction(() => work(), { behavior: 'immediate' });
      } catch (err) {
        if (!isBusy(err)) throw err;
        if (Date.now() - started >= MAX_BUSY_WAIT_MS)
          throw new DatabaseBusyError(`the database stayed locked for ${Date.now() - started} ms`, { cause: err });
        const ceiling = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** attempt);
        await pause(ceiling / 2 + (this.random() * ceiling) / 2);
      }
    }
  }

  /** A write transaction whose work may `decline()`: rolled back, and undefined returned. */
  async attempt<T>(work: () => T): Promise<T | undefined> {
    try {
      return await this.write(work);
    } catch (err) {
      if (err instanceof Declined) return undefined;
      throw err;
    }
  }
}
