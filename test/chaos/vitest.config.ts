// The chaos suite (`npm run test:chaos`): the worker, the API and the Temporal dev server run as
// child processes that the tests kill and restart. Slow (minutes) and needs DATABASE_URL and the
// temporal CLI, so its files are named *.chaos.ts: the default `npm test` (test/**/*.test.ts)
// never picks them up.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/chaos/**/*.chaos.ts'],
    pool: 'forks',
    // Each file runs its own Temporal server, worker and API: one file at a time on two cores.
    fileParallelism: false,
    maxWorkers: 1,
    globalSetup: ['test/chaos/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 180_000,
  },
});
