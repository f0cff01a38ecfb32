// Which database the app runs on: PostgreSQL when DATABASE_URL names one, otherwise the SQLite
// file at STAR_DB. Both open with their migrations applied and serve the same repository ports.
import { openPostgres, pgRepositories } from './pg/index.js';
import { DEFAULT_SLACK_TIMEOUT_MS, type Repositories, sendingLeaseMs } from './ports.js';
import { startCheckpointer } from './sqlite/checkpointer.js';
import { openDatabase, sqliteRepositories } from './sqlite/index.js';

export type Backend = 'sqlite' | 'postgres';

export interface OpenRepositories {
  backend: Backend;
  repos: Repositories;
  close(): Promise<void>;
}

export async function openRepositories(where: {
  databaseUrl?: string;
  dbFile: string;
  slackTimeoutMs?: number;
  /** Where trouble of the SQLite checkpoint worker is reported. */
  warn?: (message: string) => void;
}): Promise<OpenRepositories> {
  const options = { sendingLeaseMs: sendingLeaseMs(where.slackTimeoutMs ?? DEFAULT_SLACK_TIMEOUT_MS) };
  if (where.databaseUrl) {
    const database = await openPostgres(where.databaseUrl);
    let closed: Promise<void> | undefined;
    return {
      backend: 'postgres',
      repos: pgRepositories(database.db, options),
      close: () => {
        closed ??= database.close();
        return closed;
      },
    };
  }
  const database = openDatabase(where.dbFile);
  // The app's own file: its WAL is checkpointed from a worker thread (sqlite/checkpointer.ts).
  const checkpointer =
    where.dbFile === ':memory:'
      ? undefined
      : startCheckpointer(database.sqlite, where.dbFile, where.warn ?? ((message) => console.warn(message)));
  let closed: Promise<void> | undefined;
  return {
    backend: 'sqlite',
    repos: sqliteRepositories(database.db, options),
    close: () => {
      closed ??= (async () => {
        await checkpointer?.stop();
        database.close();
      })();
      return closed;
    },
  };
}
