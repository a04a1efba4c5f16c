import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Fault experiments (kill -9 loops, a PostgreSQL of their own stopped and frozen) take minutes and
 * need PostgreSQL's binaries: they run with `npm run test:faults`, not with `npm test`.
 */
export const FAULT_TESTS = 'server/**/*.faults.test.ts';

export const sharedTestOptions = {
  globalSetup: ['server/test-support/global-setup.ts'],
  testTimeout: 180_000,
  hookTimeout: 120_000,
  // Each file opens its own PGlite copy and spec worker pool; two cores do not gain from more.
  maxWorkers: 2,
  env: { SCARF_ANALYTICS: 'false' },
  // Lets memory tests collect garbage before they measure.
  execArgv: ['--expose-gc'],
};

export default defineConfig({
  test: {
    ...sharedTestOptions,
    include: ['server/**/*.test.ts'],
    exclude: [...configDefaults.exclude, FAULT_TESTS],
  },
});
