import { defineConfig } from 'vitest/config';
import { FAULT_TESTS, sharedResolve, sharedTestOptions } from './vitest.config.js';

export default defineConfig({
  resolve: sharedResolve,
  test: { ...sharedTestOptions, include: [FAULT_TESTS] },
});
