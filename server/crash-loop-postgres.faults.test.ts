import { afterAll, beforeAll, describe } from 'vitest';
import { crashLoopTests } from './test-support/crash-loop-tests.js';
import { postgresBinDir, startPrivatePostgres, type PrivatePostgres } from './test-support/private-postgres.js';

const bin = postgresBinDir();

describe.skipIf(!bin)(`accord serve on PostgreSQL, killed again and again while publishes are in flight${bin ? '' : ' (skipped: PostgreSQL is not installed, no initdb under /usr/lib/postgresql/*/bin)'}`, () => {
  let postgres: PrivatePostgres | undefined;
  beforeAll(async () => {
    postgres = await startPrivatePostgres({ bin });
  });
  afterAll(() => postgres?.destroy());
  crashLoopTests(() => ({ url: postgres!.url }));
});
