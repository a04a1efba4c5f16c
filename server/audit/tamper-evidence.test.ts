import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAccord } from '../cli/__fixtures__/run-accord.js';
import { openDatabase, type Db } from '../db/index.js';
import { createPgliteLocation } from '../test-support/test-database.js';
import { startTestServer } from '../test-support/test-server.js';
import type { AuditVerification } from './verify-audit-log.js';
import { changeRegistry } from './__fixtures__/change-registry.js';
import { tamper } from './__fixtures__/tamper.js';

/**
 * Someone with write access to the database edits the audit log of a stopped Accord; once it runs
 * again, `GET /audit/verify` and `accord audit verify` must both point at the right event.
 */
describe('tampering with the stored audit log', () => {
  let original: Awaited<ReturnType<typeof createPgliteLocation>>;
  let events: number;
  beforeAll(async () => {
    original = await createPgliteLocation();
    const server = await startTestServer({ location: original.location });
    await changeRegistry(server, { versions: 4 });
    const verified = await server.json<AuditVerification>('GET', '/api/v1/audit/verify');
    events = verified.body.events;
    await server.close();
  });
  afterAll(() => original?.cleanup());

  /** Runs `edit` on a copy of the stored log, then a server over that copy, and asks both edges. */
  async function verifyAfter(edit: (db: Db) => Promise<unknown>) {
    const dir = await mkdtemp(join(tmpdir(), 'accord-tampered-'));
    const location = { dataDir: join(dir, 'data') };
    await cp(original.location.dataDir, location.dataDir, { recursive: true });
    try {
      const database = await openDatabase(location);
      await edit(database.db);
      await database.close();
      const server = await startTestServer({ location });
      try {
        const api = await server.json<AuditVerification>('GET', '/api/v1/audit/verify');
        const [cli, cliJson] = await Promise.all([runAccord(['audit', 'verify'], { server: server.url }), runAccord(['audit', 'verify', '--format', 'json'], { server: server.url })]);
        return { api, cli, cliJson };
      } finally {
        await server.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('an untouched log verifies, and the CLI prints its head and exits 0', async () => {
    const { api, cli } = await verifyAfter(async () => {});
    expect(api.status).toBe(200);
    expect(api.body).toMatchObject({ ok: true, events });
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(new RegExp(`^the audit log is intact: ${events} events\\nhead: #${events} [0-9a-f]{64} `));
  });

  it.each([
    { edit: 'editing the summary of event 5', tamper: (db: Db) => tamper.editSummary(db, 5), seq: 5, reason: 'hash-mismatch', verified: 4 },
    { edit: 'deleting event 5', tamper: (db: Db) => tamper.delete(db, 5), seq: 6, reason: 'gap', verified: 4 },
    { edit: 'editing event 5 and recomputing its hash', tamper: (db: Db) => tamper.editAndRehash(db, 5), seq: 6, reason: 'link-mismatch', verified: 5 },
  ])('$edit shows as $reason at event $seq, through the API and the CLI (exit 1)', async ({ tamper: edit, seq, reason, verified }) => {
    const { api, cli, cliJson } = await verifyAfter(edit);
    expect(api.status).toBe(200);
    expect(api.body).toMatchObject({ ok: false, events: verified, firstBroken: { seq, reason } });
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`the audit log is broken at event #${seq} (`);
    expect(cli.stdout).toContain(`): ${reason}\n`);
    expect(cliJson.code).toBe(1);
    expect(JSON.parse(cliJson.stdout)).toEqual(api.body);
  });
});
