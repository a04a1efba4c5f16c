import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/index.js';

/**
 * Initialising a PGlite data directory costs seconds, so the run migrates one template and every
 * test file copies it (see `createTestDatabase`).
 */
export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), 'accord-test-'));
  const template = join(root, 'template');
  const database = await openDatabase({ dataDir: template });
  await database.migrate();
  await database.close();
  project.provide('pgliteTemplate', template);
  return async () => {
    await rm(root, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
