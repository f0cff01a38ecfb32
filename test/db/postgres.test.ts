// The repository contract on a real PostgreSQL server (DATABASE_URL, or 127.0.0.1:5432 database
// `test` as user postgres), in a database of its own. Without a server the file says so in a test
// of its own, visibly, instead of passing silently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgTestDatabase, POSTGRES_URL, postgresUnavailable, serverDatabase } from '../helpers/pg.js';
import { describeClipRepositories } from './clips-contract.js';
import { describeMockRepositories } from './mocks-contract.js';
import { describeRepositories } from './repositories-contract.js';
import { describeStoryRepositories } from './stories-contract.js';

const unavailable = await postgresUnavailable();
const where = new URL(POSTGRES_URL).host;

if (unavailable) {
  describe('repositories on a PostgreSQL server', () => {
    it(`SKIPPED: no PostgreSQL server at ${where} (${unavailable}); set DATABASE_URL to run this suite`, () => {
      console.warn(`[postgres.test] the real-server suite did not run: ${where} answered "${unavailable}"`);
      expect(unavailable).toBeTruthy();
    });
  });
} else {
  let database: PgTestDatabase;
  beforeAll(async () => {
    database = await serverDatabase();
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });
  const fresh = async () => {
    await database.reset();
    return { repos: database.repos, close: () => {} };
  };
  describeRepositories(`PostgreSQL at ${where} (a fresh database)`, fresh);
  describeMockRepositories(`PostgreSQL at ${where} (a fresh database)`, fresh);
  describeClipRepositories(`PostgreSQL at ${where} (a fresh database)`, fresh);
  describeStoryRepositories(`PostgreSQL at ${where} (a fresh database)`, fresh);
}
