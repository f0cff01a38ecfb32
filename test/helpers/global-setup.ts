// Once per run, in vitest's main process. On STAR_TEST_BACKEND=postgres each test process keeps a
// migrated template database (see ./pg.ts) until it exits; once every test process is gone, the
// teardown drops those and any database a killed test left behind.
import { dropStaleServerDatabases, testBackend } from './pg.js';

export default function globalSetup(): (() => Promise<void>) | undefined {
  if (testBackend !== 'postgres') return undefined;
  return () => dropStaleServerDatabases();
}
