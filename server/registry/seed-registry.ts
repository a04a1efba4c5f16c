import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { AccordError, packageRoot, type Actor } from '../shared/index.js';
import type { Registry } from './create-registry.js';
import type { Lifecycle, SubscriptionStatus } from './registry-types.js';
import { teams } from './registry.tables.js';

interface SeedFile {
  teams: { slug: string; name: string; description?: string }[];
  systems: { slug: string; name: string; team: string; domain: string; description?: string }[];
  environments: { slug: string; name: string; rank?: number; description?: string }[];
  /** A `deprecated` contract is deprecated through the registry, its sunset `sunsetInDays` (365 unless given) after seeding. */
  contracts: { slug: string; name: string; system: string; lifecycle?: Lifecycle; sunsetInDays?: number; description?: string; tags?: string[]; versions: string[] }[];
  subscriptions: { consumer: string; contract: string; range: string; operations: string[]; status: SubscriptionStatus }[];
  deployments: { contract: string; environment: string; version: string; address: string }[];
}

const seeder: Actor = { kind: 'system', name: 'seed' };
const DAY_MS = 24 * 60 * 60 * 1000;

/** True when nothing has been registered yet: the only time the examples are loaded. */
export async function isRegistryEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(teams);
  return row!.n === 0;
}

/**
 * Loads the example landscape from `specs/examples/seed.yaml` through the registry's own
 * operations, so the seed obeys every rule a user's data does. Versions are published in file order,
 * before the contract takes its final lifecycle (a retired contract accepts no versions).
 */
export async function seedRegistry(registry: Registry, folder = join(packageRoot(), 'specs', 'examples')): Promise<{ contracts: number; versions: number }> {
  const seed = parse(await readFile(join(folder, 'seed.yaml'), 'utf8')) as SeedFile;
  for (const team of seed.teams) await registry.teams.create(team, seeder);
  for (const system of seed.systems) await registry.systems.create(system, seeder);
  for (const environment of seed.environments) await registry.environments.create(environment, seeder);
  // Contracts are independent, so they load side by side and keep every spec worker busy; the
  // versions of one contract go in order, because each must be greater than the last.
  const published = await Promise.all(
    seed.contracts.map(async ({ versions, lifecycle, sunsetInDays = 365, ...contract }) => {
      await registry.contracts.create({ ...contract, lifecycle: 'active' }, seeder);
      for (const file of versions) {
        const document = await readFile(join(folder, file), 'utf8');
        const version = file.split('/').pop()!.replace(/\.(ya?ml|json)$/, '');
        await registry.versions.publish({ contract: contract.slug, version, document }, seeder);
      }
      if (lifecycle === 'deprecated') {
        await registry.deprecations.deprecateContract({ contract: contract.slug, sunsetAt: new Date(Date.now() + sunsetInDays * DAY_MS) }, seeder);
      } else if (lifecycle && lifecycle !== 'active') {
        await registry.contracts.update(contract.slug, { lifecycle }, seeder);
      }
      return versions.length;
    }),
  );
  for (const d of seed.deployments) await registry.deployments.record(d, seeder);
  for (const { status, ...request } of seed.subscriptions) {
    const subscription = await registry.subscriptions.request(request, seeder).catch((error: unknown) => {
      throw error instanceof AccordError ? new Error(`seed subscription ${request.consumer} → ${request.contract}: ${error.message}`) : error;
    });
    if (status === 'approved') await registry.subscriptions.approve(subscription.id, seeder);
    if (status === 'rejected') await registry.subscriptions.reject(subscription.id, seeder);
  }
  return { contracts: seed.contracts.length, versions: published.reduce((a, b) => a + b, 0) };
}
