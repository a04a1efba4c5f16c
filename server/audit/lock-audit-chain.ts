import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';

// Any constant works; it only has to be the same for every Accord instance on one database.
export const AUDIT_CHAIN_LOCK_KEY = 4_200_918;

/**
 * Takes the chain's head for the rest of the transaction `tx`. Whoever appends or rewrites links
 * holds it, so two writers never read the same head; it is released at commit or rollback.
 */
export async function lockAuditChain(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
}
