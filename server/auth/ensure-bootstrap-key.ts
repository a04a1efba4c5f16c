import { and, eq, isNull, ne } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/index.js';
import type { Db } from '../db/index.js';
import { newId, type Clock } from '../shared/index.js';
import { hashApiKey, keyPrefix } from './api-key-secret.js';
import { apiKeys } from './auth.tables.js';

const BOOTSTRAP = 'system:bootstrap';

/**
 * Makes `ACCORD_BOOTSTRAP_TOKEN` an administrator's API key, so automation can set up an
 * installation with no person involved, and retires any earlier bootstrap key: changing or unsetting
 * the variable is how an operator takes that power back. Idempotent across restarts and instances;
 * a bootstrap key someone revoked stays revoked (the answer is `revoked`, for the caller to log).
 */
export async function ensureBootstrapKey(db: Db, clock: Clock, token: string | undefined): Promise<'created' | 'present' | 'revoked' | 'none'> {
  const hash = token === undefined ? undefined : hashApiKey(token);
  return db.transaction(async (tx) => {
    const now = clock.now();
    const actor = { kind: 'system', name: 'bootstrap' } as const;
    const retired = await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.createdBy, BOOTSTRAP), isNull(apiKeys.revokedAt), hash === undefined ? undefined : ne(apiKeys.hash, hash)))
      .returning({ id: apiKeys.id });
    for (const { id } of retired) await recordAuditEvent(tx, { actor, action: 'api-key.revoked', targetType: 'api-key', targetId: id, summary: { name: 'bootstrap', reason: 'ACCORD_BOOTSTRAP_TOKEN changed or unset' }, at: now });
    if (hash === undefined) return 'none';
    const [existing] = await tx.select({ revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.hash, hash));
    if (existing) return existing.revokedAt === null ? 'present' : 'revoked';
    const id = newId(now.getTime());
    const inserted = await tx.insert(apiKeys).values({ id, name: 'bootstrap', teamId: null, prefix: keyPrefix(token!), hash, scopes: ['admin'], createdBy: BOOTSTRAP, createdAt: now }).onConflictDoNothing().returning({ id: apiKeys.id });
    // Another instance starting alongside got there first.
    if (inserted.length === 0) return 'present';
    await recordAuditEvent(tx, { actor, action: 'api-key.created', targetType: 'api-key', targetId: id, summary: { name: 'bootstrap', team: null, scopes: ['admin'], expiresAt: null }, at: now });
    return 'created';
  });
}
