import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Listener and end-to-end tests open SQLite files and local servers; forks keep them apart.
    pool: 'forks',
    // Much of the suite waits on sockets and child processes, so even two cores run two workers.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A worker keeps the modules it loaded (Bolt, drizzle, the library) for its next test file: no
    // test relies on fresh module state (each builds its own app, database and fake Slack).
    isolate: false,
    testTimeout: 20_000,
  },
});
