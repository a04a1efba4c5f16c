import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Fault experiments (kill -9 loops, a PostgreSQL of their own stopped and frozen) take minutes and
 * need PostgreSQL's binaries: they run with `npm run test:faults`, not with `npm test`.
 */
export const FAULT_TESTS = 'server/**/*.faults.test.ts';

// graphql ships both an ES module and a CommonJS build; Node (and so graphql-yoga) loads the
// CommonJS one, and two copies of graphql refuse each other's types. Tests load the same one.
export const sharedResolve = { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] };

export const sharedTestOptions = {
  globalSetup: ['server/test-support/global-setup.ts'],
  testTimeout: 180_000,
  hookTimeout: 120_000,
  // Each file opens its own PGlite copy and spec worker pool; two cores do not gain from more.
  maxWorkers: 2,
  // A test process imports the server's module graph once and runs file after file in it, instead
  // of importing it again for every file (measured on eight HTTP test files: imports 126 → 39 s,
  // CPU 119 → 92 s). It is safe because tests share nothing through module state: each file opens
  // its own database and server, and nothing here mocks or stubs a module, global or timer.
  isolate: false,
  env: { SCARF_ANALYTICS: 'false' },
  // Lets memory tests collect garbage before they measure.
  execArgv: ['--expose-gc'],
};

/**
 * The pure cores touch no database: their tests skip the run's PGlite template (seconds of migrations).
 * So do the traffic tester's, except those that report to a real registry (`*.registry.test.ts`).
 */
const PURE_CORE_TESTS = ['server/{spec,compat,lint,landscape,shared}/**/*.test.ts', 'server/tester/**/!(*.registry).test.ts'];

export default defineConfig({
  resolve: sharedResolve,
  test: {
    ...sharedTestOptions,
    // The root's own global setup runs beside its projects' (Vitest treats it as one more): it
    // would migrate a second template and bundle the command line twice, for nobody.
    globalSetup: [],
    projects: [
      { resolve: sharedResolve, test: { ...sharedTestOptions, name: 'cores', globalSetup: [], include: PURE_CORE_TESTS } },
      { resolve: sharedResolve, test: { ...sharedTestOptions, name: 'server', include: ['server/**/*.test.ts'], exclude: [...configDefaults.exclude, FAULT_TESTS, ...PURE_CORE_TESTS] } },
    ],
  },
});
