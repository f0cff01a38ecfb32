import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Repositories } from '../../src/db/ports.js';
import { type OpenDatabase, openDatabase, sqliteRepositories } from '../../src/db/sqlite/index.js';

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
