// Which database the app runs on: PostgreSQL when DATABASE_URL names one, otherwise the SQLite
// file at STAR_DB. Both open with their migrations applied and serve the same repository ports.
import { openPostgres, pgRepositories } from './pg/index.js';
import { DEFAULT_SLACK_TIMEOUT_MS, type Repositories, sendingLeaseMs } from './ports.js';
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
  return {
    backend: 'sqlite',
    repos: sqliteRepositories(database.db, options),
    close: async () => database.close(),
  };
}
