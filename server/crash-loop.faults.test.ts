import { afterAll, beforeAll, describe } from 'vitest';
import { crashLoopTests } from './test-support/crash-loop-tests.js';
import { createPgliteLocation } from './test-support/test-database.js';

describe('accord serve on a PGlite data directory, killed again and again while publishes are in flight', () => {
  let database: Awaited<ReturnType<typeof createPgliteLocation>> | undefined;
  beforeAll(async () => {
    database = await createPgliteLocation();
  });
  afterAll(() => database?.cleanup());
  crashLoopTests(() => database!.location);
});
