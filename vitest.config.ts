import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships both an ES module and a CommonJS build; Node (and so graphql-yoga) loads the
  // CommonJS one, and two copies of graphql refuse each other's types. Tests load the same one.
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] },
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
