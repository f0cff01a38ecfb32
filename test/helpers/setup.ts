// Runs before each test file. On STAR_TEST_BACKEND=pglite the first PGlite of a test process takes
// 10 s of CPU or more (compiling its WebAssembly), longer than one test may take: start it here,
// under a hook's own generous timeout, so tests only ever take an emptied one.
import { beforeAll } from 'vitest';
import { leasePglite, testBackend } from './pg.js';

if (testBackend === 'pglite') {
  beforeAll(async () => {
    (await leasePglite()).release();
  }, 180_000);
}
