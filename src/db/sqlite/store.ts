import type { Db } from './open.js';

/** Thrown inside `attempt` to roll its transaction back quietly: the use case had nothing to do. */
class Declined extends Error {}

/** Rolls back the transaction of the `attempt` running now; it then returns undefined. */
export function decline(): never {
  throw new Declined();
}

/**
 * The one place SQLite transactions start: every write use case of every repository runs through
 * here, so how they lock (deferred today) and retry is decided once. better-sqlite3 is synchronous,
 * so a transaction's work is too: nothing else runs on this connection until it commits.
 */
export class SqliteStore {
  constructor(readonly db: Db) {}

  transaction<T>(work: () => T): T {
    return this.db.transaction(() => work());
  }

  /** A transaction whose work may `decline()`: rolled back, and undefined returned. */
  attempt<T>(work: () => T): T | undefined {
    try {
      return this.transaction(work);
    } catch (err) {
      if (err instanceof Declined) return undefined;
      throw err;
    }
  }
}
