import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/index.js';
import { bundleCli } from './bundle-cli.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Initialising a PGlite data directory costs seconds, so the run migrates one template and every
 * test file copies it (see `createTestDatabase`). The command line is bundled once for the run
 * (see `bundleCli` and `runAccord`).
 */
export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), 'accord-test-'));
  const template = join(root, 'template');
  const cli = join(projectRoot, 'node_modules', '.cache', `accord-test-cli-${process.pid}`);
  const [entry] = await Promise.all([
    bundleCli(projectRoot, cli),
    (async () => {
      const database = await openDatabase({ dataDir: template });
      await database.migrate();
      await database.close();
    })(),
  ]);
  project.provide('pgliteTemplate', template);
  project.provide('cliEntry', entry);
  return async () => {
    await rm(root, { recursive: true, force: true });
    await rm(cli, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    /** The bundled `accord` command line of this run. */
    cliEntry: string;
  }
}
