import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { contracts, environments, systems } from '../registry/index.js';
import { InvalidInput, NotFound } from '../shared/index.js';

export interface Scope {
  contractId: string;
  contract: string;
  teamId: string;
  /** The providing system's slug: one end of every consumer → provider edge. */
  provider: string;
  environmentId: string;
  environment: string;
}

/** A contract (a missing resource when unknown) and an environment named in the query (invalid input when unknown). */
export async function resolveScope(db: Db, contract: string, environment: string): Promise<Scope> {
  const found = await resolveContract(db, contract);
  const [env] = await db.select({ id: environments.id }).from(environments).where(eq(environments.slug, environment));
  if (!env) throw new InvalidInput(`environment "${environment}" does not exist`, [{ pointer: '/env', message: 'unknown environment' }], 'unknown-reference');
  return { ...found, environmentId: env.id, environment };
}

export async function resolveContract(db: Db, contract: string): Promise<Omit<Scope, 'environmentId' | 'environment'>> {
  const [row] = await db.select({ contractId: contracts.id, teamId: systems.teamId, provider: systems.slug }).from(contracts).innerJoin(systems, eq(systems.id, contracts.systemId)).where(eq(contracts.slug, contract));
  if (!row) throw new NotFound(`contract "${contract}"`);
  return { ...row, contract };
}
