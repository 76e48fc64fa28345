import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Files run in parallel workers; each DB test builds its own database, so they never collide.
    pool: 'forks',
    // Vitest's default in a run is one worker fewer than the cores: on a 2-core machine that is a
    // single worker and the suite runs file after file. Most files wait on PostgreSQL, Chromium or
    // a child process much of the time, so every core gets a worker (GONGKAI_TEST_WORKERS overrides).
    maxWorkers: Number(process.env.GONGKAI_TEST_WORKERS) || Math.max(2, availableParallelism()),
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
    // A setup that loads the whole demo into PostgreSQL takes seconds alone and can pass a minute
    // when every worker is busy (CI saw it once); setup is not what the tests measure.
    hookTimeout: 180_000,
  },
});
