import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeys, createAccessPolicy, users } from '../auth/index.js';
import type { Database } from '../db/index.js';
import type { Actor } from '../shared/index.js';
import { createPgliteLocation, openTestDatabase } from '../test-support/test-database.js';
import { createAuditLog, type AuditLog } from './create-audit-log.js';

describe('who may read the audit log', () => {
  let database: Database;
  let cleanup: () => Promise<void>;
  let audit: AuditLog;
  const person = (userId: string): Actor => ({ kind: 'user', userId, name: userId });
  const ADMIN_KEY = '018f0000-0000-7000-8000-00000000a001';
  const PIPELINE_KEY = '018f0000-0000-7000-8000-00000000a002';
  beforeAll(async () => {
    const pglite = await createPgliteLocation();
    cleanup = pglite.cleanup;
    database = await openTestDatabase(pglite.location);
    const now = new Date();
    await database.db.insert(users).values([
      { id: 'admin-1', name: 'Ada', email: 'ada@example.com', role: 'admin', createdAt: now, updatedAt: now },
      { id: 'user-1', name: 'Bo', email: 'bo@example.com', role: 'user', createdAt: now, updatedAt: now },
    ]);
    // Keys are looked up in the write's transaction too, so the keys below exist; the installation holds them.
    await database.db.insert(apiKeys).values([
      { id: ADMIN_KEY, name: 'admin', teamId: null, prefix: 'acc_admin', hash: 'hash-admin', scopes: ['admin'], createdBy: 'system:test', createdAt: now },
      { id: PIPELINE_KEY, name: 'pipeline', teamId: null, prefix: 'acc_pipe', hash: 'hash-pipeline', scopes: ['contracts:read', 'contracts:publish'], createdBy: 'system:test', createdAt: now },
    ]);
    audit = createAuditLog({ db: database.db, access: createAccessPolicy() });
  });
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });

  it('an administrator may list and verify it', async () => {
    await expect(audit.query({}, person('admin-1'))).resolves.toMatchObject({ items: expect.any(Array) });
    await expect(audit.verify(person('admin-1'))).resolves.toMatchObject({ ok: true });
  });

  it('an administrator key may verify it', async () => {
    await expect(audit.verify({ kind: 'api-key', keyId: ADMIN_KEY, name: 'ci', teamId: null, scopes: ['admin'] })).resolves.toMatchObject({ ok: true });
  });

  it('a person who is not an administrator may not, nor a key without the admin scope', async () => {
    await expect(audit.query({}, person('user-1'))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(audit.verify({ kind: 'api-key', keyId: PIPELINE_KEY, name: 'ci', teamId: null, scopes: ['contracts:read', 'contracts:publish'] })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('an anonymous caller is asked to authenticate', async () => {
    await expect(audit.verify({ kind: 'anonymous' })).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
