import type { Db } from '../db/index.js';
import { lockAuditChain } from './lock-audit-chain.js';
import { sealChainStart } from './seal-chain-start.js';

/**
 * Chains the events written before the chain existed: migration 0005 numbered them in time order
 * but could not hash them. Start-up calls it before serving. One transaction under the chain's
 * lock, so nothing is appended to a half-sealed chain, and a second instance starting at the same
 * time finds nothing left to do.
 */
export async function sealAuditLog(db: Db, { pageSize = 1_000 } = {}): Promise<{ sealed: number }> {
  return db.transaction(async (tx) => {
    await lockAuditChain(tx);
    return { sealed: await sealChainStart(tx, { pageSize }) };
  });
}
