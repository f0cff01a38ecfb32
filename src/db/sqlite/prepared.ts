import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open.js';

/**
 * A query built once per database, on first use, and kept as a drizzle prepared query whose
 * values are placeholders. drizzle otherwise builds a query's SQL again on every call: about
 * 75–85 µs for a three-column lookup, where the prepared query takes about 8 µs and
 * better-sqlite3 alone about 7 µs (`npx tsx bench/db-queries.ts`). The queries every answer
 * makes (some thirty) are kept this way.
 */
export function preparedOnce<Query>(build: (db: Db) => Query): (db: Db) => Query {
  const byDatabase = new WeakMap<Db, Query>();
  return (db) => {
    let query = byDatabase.get(db);
    if (query === undefined) {
      query = build(db);
      byDatabase.set(db, query);
    }
    return query;
  };
}

/** A named placeholder of a prepared query (its value is given when the query runs). */
export const param = (name: string) => sql.placeholder(name);

/**
 * A placeholder as a value in an update's `set`. drizzle binds it there as it does in `values`,
 * through the column's encoder (JSON, booleans), but its types for `set` leave placeholders out.
 */
export const setParam = (name: string) => sql.placeholder(name) as unknown as SQL;
