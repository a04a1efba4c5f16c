import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { expect, it } from 'vitest';
import { packageRoot } from '../shared/index.js';
import { accordSchema } from './index.js';

it('specs/accord.graphql is the schema the server serves, printed', () => {
  const committed = readFileSync(join(packageRoot(), 'specs', 'accord.graphql'), 'utf8');
  // To refresh it: npx tsx -e "import{printSchema}from'graphql';import{accordSchema}from'./server/graphql/index.ts';process.stdout.write(printSchema(accordSchema())+'\n')" > specs/accord.graphql
  expect(committed, 'specs/accord.graphql is stale; print the schema again (see the comment in this test)').toBe(`${printSchema(accordSchema())}\n`);
});
