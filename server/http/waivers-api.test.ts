import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { ACCORD_WAIVER_MAX_DAYS: '30' } });
  await server.json('POST', '/api/v1/teams', { slug: 'payments', name: 'Payments' });
  await server.json('POST', '/api/v1/systems', { slug: 'ledger', name: 'Ledger', team: 'payments', domain: 'banking' });
});
afterAll(() => server?.close());

interface Finding {
  id: string;
  level: string;
  fingerprint: string;
  operations: string[];
  pointer?: string;
  waiver?: { id: string; expiresAt: string };
}
interface Check {
  id: string;
  failed: boolean;
  verdict: string;
  findings: Finding[];
}
interface Waiver {
  id: string;
  state: string;
  rule: string;
  fingerprint: string;
  requestedBy: string;
  decidedBy: string | null;
}

const api = (properties: Record<string, object>) =>
  stringify({
    openapi: '3.1.0',
    info: { title: 'Ledger', version: '1' },
    paths: { '/entries/{id}': { get: { responses: { '200': { description: 'an entry', content: { 'application/json': { schema: { type: 'object', required: Object.keys(properties), properties } } } } } } } },
  });
const v1 = api({ id: { type: 'string' }, memo: { type: 'string' } });
const withoutMemo = api({ id: { type: 'string' } });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function contract(slug: string) {
  expect((await server.json('POST', '/api/v1/contracts', { slug, name: slug, system: 'ledger' })).status).toBe(201);
  expect((await server.json('POST', `/api/v1/contracts/${slug}/versions`, { version: '1.0.0', document: v1 })).status).toBe(201);
}
const check = async (slug: string) => (await server.json<Check>('POST', `/api/v1/contracts/${slug}/checks`, { version: '1.1.0', document: withoutMemo })).body;

describe('waivers', () => {
  it('excuse a finding once approved: still reported, marked waived, no longer blocking the publish', async () => {
    await contract('ledger-waived');
    const first = await check('ledger-waived');
    expect(first.failed).toBe(true);
    const breaking = first.findings.find((f) => f.id === 'response-property-removed')!;
    expect(breaking.fingerprint).toMatch(/^[0-9a-f]{32}$/);

    const requested = await server.json<Waiver>('POST', '/api/v1/contracts/ledger-waived/waivers', { check: first.id, fingerprint: breaking.fingerprint, reason: 'memo was never filled in production', expiresAt: inDays(14) });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ state: 'requested', rule: 'response-property-removed', decidedBy: null });
    expect((await check('ledger-waived')).failed).toBe(true);

    const approved = await server.json<Waiver>('POST', `/api/v1/waivers/${requested.body.id}/approve`);
    expect(approved.body.state).toBe('active');
    const waived = await check('ledger-waived');
    // What remains are the default ruleset's warnings about the document.
    expect(waived).toMatchObject({ failed: false, verdict: 'warn' });
    expect(waived.findings.find((f) => f.id === 'response-property-removed')!.waiver).toMatchObject({ id: requested.body.id });

    const published = await server.json<{ findings: Finding[] }>('POST', '/api/v1/contracts/ledger-waived/versions', { version: '1.1.0', document: withoutMemo });
    expect(published.status).toBe(201);
    expect(published.body.findings.find((f) => f.id === 'response-property-removed')!.waiver?.id).toBe(requested.body.id);
  });

  it('stop applying when revoked, and refuse a second live waiver for the same finding', async () => {
    await contract('ledger-revoked');
    const { id: checkId, findings } = await check('ledger-revoked');
    const fingerprint = findings.find((f) => f.id === 'response-property-removed')!.fingerprint;
    const body = { check: checkId, fingerprint, reason: 'migration window', expiresAt: inDays(7) };
    const waiver = (await server.json<Waiver>('POST', '/api/v1/contracts/ledger-revoked/waivers', body)).body;
    const again = await server.json<{ code: string }>('POST', '/api/v1/contracts/ledger-revoked/waivers', body);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('waiver-exists');
    await server.json('POST', `/api/v1/waivers/${waiver.id}/approve`);
    expect((await check('ledger-revoked')).failed).toBe(false);
    expect((await server.json<Waiver>('POST', `/api/v1/waivers/${waiver.id}/revoke`)).body.state).toBe('revoked');
    expect((await check('ledger-revoked')).failed).toBe(true);
    const twice = await server.json<{ code: string }>('POST', `/api/v1/waivers/${waiver.id}/revoke`);
    expect(twice.body.code).toBe('invalid-transition');
    const listed = await server.json<{ items: Waiver[] }>('GET', '/api/v1/contracts/ledger-revoked/waivers?state=revoked');
    expect(listed.body.items.map((w) => w.id)).toEqual([waiver.id]);
  });

  it('can name the finding by rule, operations and pointer, and stop applying once expired', async () => {
    await contract('ledger-expiring');
    const breaking = (await check('ledger-expiring')).findings.find((f) => f.id === 'response-property-removed')!;
    const soon = new Date(Date.now() + 1500).toISOString();
    // Named by hand, with the path parameter spelled differently: operations match as they do everywhere.
    const waiver = await server.json<Waiver>('POST', '/api/v1/contracts/ledger-expiring/waivers', { rule: breaking.id, operations: ['get /entries/{entryId}'], pointer: breaking.pointer, reason: 'one release', expiresAt: soon });
    expect(waiver.body.fingerprint).toBe(breaking.fingerprint);
    await server.json('POST', `/api/v1/waivers/${waiver.body.id}/approve`);
    expect((await check('ledger-expiring')).failed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await check('ledger-expiring')).failed).toBe(true);
    expect((await server.json<Waiver>('GET', `/api/v1/waivers/${waiver.body.id}`)).body.state).toBe('expired');
    // The expired waiver no longer stands in the way of a new one for the same finding.
    const renewed = await server.json<Waiver>('POST', '/api/v1/contracts/ledger-expiring/waivers', { rule: breaking.id, operations: breaking.operations, pointer: breaking.pointer, reason: 'one more release', expiresAt: inDays(3) });
    expect(renewed.status).toBe(201);
    expect((await server.json<Waiver>('GET', `/api/v1/waivers/${waiver.body.id}`)).body.state).toBe('expired');
    const expired = await server.json<{ items: Waiver[] }>('GET', '/api/v1/contracts/ledger-expiring/waivers?state=expired');
    expect(expired.body.items.map((w) => w.id)).toEqual([waiver.body.id]);
  });

  it('refuse an expiry in the past or beyond the configured maximum, and a finding named two ways', async () => {
    await contract('ledger-bad');
    const body = { rule: 'response-property-removed', operations: ['GET /entries/{id}'], reason: 'x' };
    const past = await server.json<{ code: string; errors: { pointer: string }[] }>('POST', '/api/v1/contracts/ledger-bad/waivers', { ...body, expiresAt: inDays(-1) });
    expect(past.body).toMatchObject({ code: 'invalid-expiry', errors: [{ pointer: '/expiresAt' }] });
    const yearZero = await server.json<{ status: number; errors: { pointer: string }[] }>('POST', '/api/v1/contracts/ledger-bad/waivers', { ...body, expiresAt: '0000-01-01T00:00:00Z' });
    expect(yearZero.status).toBe(422);
    expect(yearZero.body.errors.map((e) => e.pointer)).toEqual(['/expiresAt']);
    const long = await server.json<{ code: string; detail: string }>('POST', '/api/v1/contracts/ledger-bad/waivers', { ...body, expiresAt: inDays(31) });
    expect(long.body.code).toBe('invalid-expiry');
    expect(long.body.detail).toMatch(/at most 30 days/);
    const both = await server.json<{ status: number; errors: { pointer: string }[] }>('POST', '/api/v1/contracts/ledger-bad/waivers', { ...body, check: '018f0000-0000-7000-8000-000000000000', fingerprint: 'y', expiresAt: inDays(1) });
    expect(both.status).toBe(422);
    expect(both.body.errors[0]!.pointer).toBe('/rule');
    const unknownCheck = await server.json<{ code: string; detail: string }>('POST', '/api/v1/contracts/ledger-bad/waivers', { check: '018f0000-0000-7000-8000-000000000000', fingerprint: 'y', reason: 'x', expiresAt: inDays(1) });
    expect(unknownCheck.body).toMatchObject({ code: 'unknown-reference', detail: expect.stringContaining('check 018f0000-0000-7000-8000-000000000000 of contract "ledger-bad" does not exist') });
  });
});
