// The repository contract on PGlite: PostgreSQL's SQL, types and locking, on every machine.
import { afterAll, beforeAll } from 'vitest';
import { type PgTestDatabase, pgliteDatabase } from '../helpers/pg.js';
import { describeClipRepositories } from './clips-contract.js';
import { describeMockRepositories } from './mocks-contract.js';
import { describeRepositories } from './repositories-contract.js';
import { describeStoryRepositories } from './stories-contract.js';

let database: PgTestDatabase;
// Starting PGlite takes seconds (compiling its WebAssembly: about 10 s of CPU, far longer on a
// loaded machine): once for the file, its tables emptied before each test.
beforeAll(async () => {
  database = await pgliteDatabase();
}, 180_000);
afterAll(async () => {
  await database?.close();
});

async function fresh() {
  await database.reset();
  return { repos: database.repos, close: () => {} };
}

describeRepositories('PGlite (embedded PostgreSQL, every migration applied)', fresh);
describeMockRepositories('PGlite (embedded PostgreSQL, every migration applied)', fresh);
describeClipRepositories('PGlite (embedded PostgreSQL, every migration applied)', fresh);
describeStoryRepositories('PGlite (embedded PostgreSQL, every migration applied)', fresh);
