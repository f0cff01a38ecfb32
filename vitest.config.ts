import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that mostly wait (on child processes, reconnect back-offs, Slack's redelivery delays) start
 * first, so the CPU-bound files run beside them instead of after them. Otherwise the usual order.
 */
class WaitingFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const waits = (file: TestSpecification) => /test\/(faults|process)\/|socket-mode/.test(file.moduleId);
    return [...sorted.filter(waits), ...sorted.filter((file) => !waits(file))];
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // STAR_TEST_BACKEND (sqlite, postgres, pglite): see test/helpers/pg.ts.
    setupFiles: ['test/helpers/setup.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // Listener and end-to-end tests open SQLite files and local servers; forks keep them apart.
    pool: 'forks',
    // Much of the suite waits on sockets and child processes, so even two cores run two workers.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A worker keeps the modules it loaded (Bolt, drizzle, the library) for its next test file: no
    // test relies on fresh module state (each builds its own app, database and fake Slack).
    isolate: false,
    testTimeout: 20_000,
    sequence: { sequencer: WaitingFilesFirst },
  },
});
