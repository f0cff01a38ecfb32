import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Listener and end-to-end tests open SQLite files and local servers; keep them from starving each other.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
