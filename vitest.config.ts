import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts'],
    globalSetup: ['server/test-support/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Each file opens its own PGlite copy and spec worker pool; two cores do not gain from more.
    maxWorkers: 2,
    env: { SCARF_ANALYTICS: 'false' },
    // Lets memory tests collect garbage before they measure.
    execArgv: ['--expose-gc'],
  },
});
