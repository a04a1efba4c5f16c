import { createAccessPolicy } from '../auth/index.js';
import type { Database } from '../db/index.js';
import { readShippedRulesets } from '../lint/read-shipped-rulesets.js';
import { createRegistry, type Registry, type RegistryDeps } from '../registry/index.js';
import { systemClock, type Clock } from '../shared/index.js';
import { createWorkers } from '../workers/index.js';
import { bundledWorkerModule } from './bundled-worker-module.js';
import { createPgliteLocation, openTestDatabase } from './test-database.js';

export interface TestRegistry {
  registry: Registry;
  database: Database;
  /** Stops the worker thread and closes and removes the database. */
  close(): Promise<void>;
}

/**
 * The registry's services over a fresh PGlite database and a one-thread worker pool, without
 * HTTP: what a test of the registry itself needs. `emit` receives the events the services record.
 */
export async function createTestRegistry({ clock = systemClock, emit = async () => {} }: { clock?: Clock; emit?: NonNullable<RegistryDeps['emit']> } = {}): Promise<TestRegistry> {
  const location = await createPgliteLocation();
  const database = await openTestDatabase(location.location);
  const workers = createWorkers({ threads: 1, workerModule: bundledWorkerModule() });
  const registry = createRegistry({
    db: database.db,
    clock,
    specs: workers.specs,
    checker: workers.checker,
    linter: workers.linter,
    shippedRulesets: readShippedRulesets(),
    compatibility: { defaultMode: 'BACKWARD', minDeprecationDays: 30 },
    access: createAccessPolicy(),
    emit,
  });
  return {
    registry,
    database,
    async close() {
      await workers.close();
      await database.close();
      await location.cleanup();
    },
  };
}
