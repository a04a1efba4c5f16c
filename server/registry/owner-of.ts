import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { InvalidInput, NotFound } from '../shared/index.js';
import { contracts, systems } from './registry.tables.js';

export interface Owner {
  teamId: string;
  systemId: string;
}

/**
 * Who owns a contract, read with a share lock on its contract and system rows: a concurrent move
 * to another system or team waits for the calling transaction, so the access decision made from
 * this answer still holds when the write commits.
 */
export async function ownerOfContract(tx: Db, contract: string | { id: string }): Promise<Owner & { contractId: string }> {
  const [row] = await tx
    .select({ contractId: contracts.id, systemId: systems.id, teamId: systems.teamId })
    .from(contracts)
    .innerJoin(systems, eq(systems.id, contracts.systemId))
    .where(typeof contract === 'string' ? eq(contracts.slug, contract) : eq(contracts.id, contract.id))
    .for('share');
  if (!row) throw new NotFound(`contract "${typeof contract === 'string' ? contract : contract.id}"`);
  return row;
}

/**
 * Who owns a system, share-locked like `ownerOfContract`; `update` for a caller that goes on to
 * change the system row itself (upgrading a share lock to write deadlocks against a concurrent
 * writer doing the same). With a `pointer` the system was named in a request body, so an unknown
 * one is invalid input there rather than a missing resource.
 */
export async function ownerOfSystem(tx: Db, system: string | { id: string }, pointer?: string, lock: 'share' | 'update' = 'share'): Promise<Owner> {
  const [row] = await tx
    .select({ systemId: systems.id, teamId: systems.teamId })
    .from(systems)
    .where(typeof system === 'string' ? eq(systems.slug, system) : eq(systems.id, system.id))
    .for(lock);
  if (row) return row;
  const name = typeof system === 'string' ? system : system.id;
  if (pointer === undefined) throw new NotFound(`system "${name}"`);
  throw new InvalidInput(`system "${name}" does not exist`, [{ pointer, message: 'unknown system' }], 'unknown-reference');
}
