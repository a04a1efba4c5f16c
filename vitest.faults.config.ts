import { defineConfig } from 'vitest/config';
import { FAULT_TESTS, sharedTestOptions } from './vitest.config.js';

export default defineConfig({
  test: { ...sharedTestOptions, include: [FAULT_TESTS] },
});
