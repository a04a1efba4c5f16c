import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { isBlocking } from '../compat/index.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { runAccord } from './__fixtures__/run-accord.js';

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startTestServer();
  dir = await mkdtemp(join(tmpdir(), 'accord-blocking-'));
  await server.json('POST', '/api/v1/teams', { slug: 'payments', name: 'Payments' });
  await server.json('POST', '/api/v1/systems', { slug: 'ledger', name: 'Ledger', team: 'payments', domain: 'banking' });
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Finding {
  id: string;
  level: 'error' | 'warn' | 'info';
  message: string;
  fingerprint: string;
  direction?: string;
  accepted?: string;
  waiver?: { id: string };
}

const entry = (properties: string[]) =>
  stringify({
    openapi: '3.1.0',
    info: { title: 'Ledger', version: '1' },
    paths: { '/entries/{id}': { get: { responses: { '200': { description: 'an entry', content: { 'application/json': { schema: { type: 'object', required: properties, properties: Object.fromEntries(properties.map((p) => [p, { type: 'string' }])) } } } } } } } },
  });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * A FORWARD contract at 1.0.0 {id, memo} and a candidate {id, sku, tax}: dropping memo breaks old
 * clients, which FORWARD does not gate (accepted, `mode-direction`); sku and tax are missing from
 * what old servers answer new clients, two blocking errors. The one about tax gets a waiver.
 */
async function contractWithExcusedErrors(slug: string): Promise<{ candidate: string; byProperty: (name: string) => Finding }> {
  expect((await server.json('POST', '/api/v1/contracts', { slug, name: slug, system: 'ledger', compatibilityMode: 'FORWARD' })).status).toBe(201);
  expect((await server.json('POST', `/api/v1/contracts/${slug}/versions`, { version: '1.0.0', document: entry(['id', 'memo']) })).status).toBe(201);
  const candidate = entry(['id', 'sku', 'tax']);
  const check = (await server.json<{ id: string; findings: Finding[] }>('POST', `/api/v1/contracts/${slug}/checks`, { version: '1.1.0', document: candidate })).body;
  const byProperty = (name: string) => check.findings.find((f) => f.level === 'error' && f.message.includes(`"${name}"`))!;
  expect(byProperty('memo')).toMatchObject({ accepted: 'mode-direction' });
  expect(byProperty('sku').accepted).toBeUndefined();
  const waiver = await server.json<{ id: string }>('POST', `/api/v1/contracts/${slug}/waivers`, { check: check.id, fingerprint: byProperty('tax').fingerprint, reason: 'tax is computed by the caller', expiresAt: inDays(14) });
  expect(waiver.status).toBe(201);
  expect((await server.json('POST', `/api/v1/waivers/${waiver.body.id}/approve`)).status).toBe(200);
  return { candidate, byProperty };
}

describe('a blocked publish', () => {
  it('lists on the command line only the findings that block it, not the waived or the accepted ones', async () => {
    const { candidate, byProperty } = await contractWithExcusedErrors('ledger-cli');
    const file = join(dir, 'ledger.yaml');
    await writeFile(file, candidate);
    const run = await runAccord(['publish', file, '--contract', 'ledger-cli', '--version', '1.1.0', '--format', 'json'], { server: server.url });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('has 1 breaking change');
    // The report printed for the blocked publish marks the waived and the accepted errors as such.
    const report = JSON.parse(run.stdout) as { verdict: string; findings: Finding[] };
    expect(report.verdict).toBe('fail');
    expect(report.findings.filter((f) => isBlocking(f)).map((f) => f.message)).toEqual([byProperty('sku').message]);
    expect(report.findings.map((f) => f.message)).toEqual(expect.arrayContaining([byProperty('tax').message, byProperty('memo').message]));
  });

  it('is decided by the registry without the waived and the accepted errors', async () => {
    const { candidate, byProperty } = await contractWithExcusedErrors('ledger-registry');
    const blocked = await server.json<{ code: string; findings: Finding[] }>('POST', '/api/v1/contracts/ledger-registry/versions', { version: '1.1.0', document: candidate });
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('publish-blocked');

    const check = (await server.json<{ id: string }>('POST', '/api/v1/contracts/ledger-registry/checks', { version: '1.1.0', document: candidate })).body;
    const waiver = await server.json<{ id: string }>('POST', '/api/v1/contracts/ledger-registry/waivers', { check: check.id, fingerprint: byProperty('sku').fingerprint, reason: 'sku ships with the next server', expiresAt: inDays(14) });
    await server.json('POST', `/api/v1/waivers/${waiver.body.id}/approve`);
    const published = await server.json<{ findings: Finding[] }>('POST', '/api/v1/contracts/ledger-registry/versions', { version: '1.1.0', document: candidate });
    expect(published.status).toBe(201);
    const errors = published.body.findings.filter((f) => f.level === 'error');
    expect(errors.map((f) => f.message)).toEqual(expect.arrayContaining([byProperty('memo').message, byProperty('sku').message, byProperty('tax').message]));
    expect(errors.filter((f) => f.accepted === undefined && f.waiver === undefined)).toEqual([]);
  });
});
