import { and, eq, gt, isNull, or } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/index.js';
import type { Db } from '../db/index.js';
import type { Actor } from '../shared/index.js';
import { apiKeys } from './auth.tables.js';
import { selectApiKeys } from './select-api-keys.js';

/**
 * Runs `change`, a change to one person's roles (in a team or installation-wide), and records in
 * the same transaction each of their live keys it suspends or reinstates. Whether a key works is
 * read from the roles on every request; these events are the log of when that answer changed.
 * Whatever removes, disables or demotes a person must run through here.
 */
export async function trackKeyCustody<T>(tx: Db, { userId, actor, at }: { userId: string; actor: Actor; at: Date }, change: () => Promise<T>): Promise<T> {
  const held = () => selectApiKeys(tx).where(and(eq(apiKeys.custodianId, userId), isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, at))));
  // Locked, so a concurrent take-over either happens before this change is judged or after it is recorded.
  const before = new Map((await held().for('update', { of: apiKeys })).map((key) => [key.id, key.suspension]));
  const result = await change();
  for (const key of await held()) {
    if (!before.has(key.id)) continue;
    const was = before.get(key.id);
    const summary = { name: key.name, team: key.team, custodian: userId };
    if (was === null && key.suspension !== null) {
      await recordAuditEvent(tx, { actor, action: 'api-key.suspended', targetType: 'api-key', targetId: key.id, summary: { ...summary, reason: key.suspension }, at });
    } else if (was !== null && key.suspension === null) {
      await recordAuditEvent(tx, { actor, action: 'api-key.reinstated', targetType: 'api-key', targetId: key.id, summary, at });
    }
  }
  return result;
}
