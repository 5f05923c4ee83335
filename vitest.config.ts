import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The Temporal native bridge does not survive worker threads.
    pool: 'forks',
    maxWorkers: 2,
    // Without DATABASE_URL the tests share one embedded PostgreSQL, which takes one client at a time.
    fileParallelism: Boolean(process.env.DATABASE_URL),
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/setup-runtime.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
