import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/index.js';
import type { Db } from '../db/index.js';
import { newId, type Clock } from '../shared/index.js';
import { hashApiKey, keyPrefix } from './api-key-secret.js';
import { apiKeys } from './auth.tables.js';

/**
 * Makes `ACCORD_BOOTSTRAP_TOKEN` an administrator's API key, so automation can set up an
 * installation with no person involved. Idempotent across restarts and instances; a bootstrap key
 * someone revoked stays revoked (the answer is `revoked`, for the caller to log).
 */
export async function ensureBootstrapKey(db: Db, clock: Clock, token: string): Promise<'created' | 'present' | 'revoked'> {
  const hash = hashApiKey(token);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.hash, hash));
    if (existing) return existing.revokedAt === null ? 'present' : 'revoked';
    const now = clock.now();
    const id = newId(now.getTime());
    const inserted = await tx.insert(apiKeys).values({ id, name: 'bootstrap', teamId: null, prefix: keyPrefix(token), hash, scopes: ['admin'], createdBy: 'system:bootstrap', createdAt: now }).onConflictDoNothing().returning({ id: apiKeys.id });
    // Another instance starting alongside got there first.
    if (inserted.length === 0) return 'present';
    await recordAuditEvent(tx, { actor: { kind: 'system', name: 'bootstrap' }, action: 'api-key.created', targetType: 'api-key', targetId: id, summary: { name: 'bootstrap', team: null, scopes: ['admin'], expiresAt: null }, at: now });
    return 'created';
  });
}
