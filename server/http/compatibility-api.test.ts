import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { ACCORD_COMPATIBILITY_MODE: 'BACKWARD' } });
  await server.json('POST', '/api/v1/teams', { slug: 'payments', name: 'Payments' });
  await server.json('POST', '/api/v1/systems', { slug: 'ledger', name: 'Ledger', team: 'payments', domain: 'banking' });
});
afterAll(() => server?.close());

interface Finding {
  id: string;
  level: string;
  message: string;
  why: string;
  operations: string[];
  against: string[];
  accepted?: string;
}

/** A ledger API whose entry carries the given properties, all required. */
const ledgerApi = (properties: Record<string, object>, extraPaths: Record<string, object> = {}, description = 'Ledger') =>
  stringify({
    openapi: '3.1.0',
    info: { title: 'Ledger', version: '1', description },
    paths: {
      '/entries/{id}': { get: { responses: { '200': { description: 'an entry', content: { 'application/json': { schema: { $ref: '#/components/schemas/Entry' } } } } } } },
      '/entries': { get: { responses: { '200': { description: 'entries', content: { 'application/json': { schema: { type: 'array', maxItems: 100, items: { $ref: '#/components/schemas/Entry' } } } } } } } },
      ...extraPaths,
    },
    components: { schemas: { Entry: { type: 'object', required: Object.keys(properties), properties } } },
  });

const v1 = ledgerApi({ id: { type: 'string' }, amount: { type: 'integer' }, currency: { type: 'string' } });
const withoutCurrency = ledgerApi({ id: { type: 'string' }, amount: { type: 'integer' } });
const withBalance = ledgerApi({ id: { type: 'string' }, amount: { type: 'integer' }, currency: { type: 'string' } }, { '/balance': { get: { responses: { '200': { description: 'the balance' } } } } });

async function contract(slug: string, body: object = {}) {
  const created = await server.json('POST', '/api/v1/contracts', { slug, name: slug, system: 'ledger', ...body });
  expect(created.status).toBe(201);
}
const publish = (slug: string, version: string, document: string) => server.json<Record<string, unknown>>('POST', `/api/v1/contracts/${slug}/versions`, { version, document });

describe('publishing under a compatibility mode', () => {
  it('blocks a breaking change published as a minor with 422 publish-blocked naming the findings and the version to use', async () => {
    await contract('ledger-api');
    expect((await publish('ledger-api', '1.0.0', v1)).status).toBe(201);
    const blocked = await publish('ledger-api', '1.1.0', withoutCurrency);
    expect(blocked.status).toBe(422);
    expect(blocked.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(blocked.body).toMatchObject({ code: 'publish-blocked', verdict: 'fail', mode: 'BACKWARD', comparedWith: ['1.0.0'], semver: { required: 'major', suggested: '2.0.0', satisfied: false } });
    const removed = (blocked.body.findings as Finding[]).find((f) => f.id === 'response-property-removed')!;
    expect(removed.operations).toEqual(['GET /entries', 'GET /entries/{id}']);
    expect(removed.why).toMatch(/\.$/);
    expect(blocked.body.detail).toMatch(/2\.0\.0/);
    const versions = await server.json<{ items: unknown[] }>('GET', '/api/v1/contracts/ledger-api/versions');
    expect(versions.body.items).toHaveLength(1);
  });

  it('accepts the same change as a new major and stores its findings with the version', async () => {
    const published = await publish('ledger-api', '2.0.0', withoutCurrency);
    expect(published.status).toBe(201);
    const findings = published.body.findings as Finding[];
    expect(findings.find((f) => f.id === 'response-property-removed')).toMatchObject({ level: 'error', accepted: 'major-version', against: ['1.0.0'] });
    const read = await server.json<{ findings: Finding[] }>('GET', '/api/v1/contracts/ledger-api/versions/2.0.0');
    expect(read.body.findings).toEqual(findings);
  });

  it('lets additive changes through as a minor and never gates under NONE', async () => {
    expect((await publish('ledger-api', '2.1.0', ledgerApi({ id: { type: 'string' }, amount: { type: 'integer' } }, { '/balance': { get: { responses: { '200': { description: 'b' } } } } }))).status).toBe(201);
    await contract('ledger-free', { compatibilityMode: 'NONE' });
    await publish('ledger-free', '1.0.0', v1);
    expect((await publish('ledger-free', '1.0.1', withoutCurrency)).status).toBe(201);
  });

  it('honours per-contract rule levels, and refuses unknown rule ids by pointer', async () => {
    await contract('ledger-lenient', { ruleLevels: { 'response-property-removed': 'off' } });
    await publish('ledger-lenient', '1.0.0', v1);
    expect((await publish('ledger-lenient', '1.1.0', withoutCurrency)).status).toBe(201);
    const typo = await server.json<{ code: string; errors: { pointer: string }[] }>('PATCH', '/api/v1/contracts/ledger-lenient', { ruleLevels: { 'response-propety-removed': 'off' } });
    expect(typo.status).toBe(422);
    expect(typo.body.code).toBe('unknown-rule');
    expect(typo.body.errors[0]!.pointer).toBe('/ruleLevels/response-propety-removed');
    expect((typo.body as { detail?: string }).detail).toMatch(/^no rule has the id response-propety-removed; /);
  });

  it('gives new contracts the installation default mode', async () => {
    const strict = await startTestServer({ env: { ACCORD_COMPATIBILITY_MODE: 'FULL_TRANSITIVE' } });
    try {
      await strict.json('POST', '/api/v1/teams', { slug: 't', name: 'T' });
      await strict.json('POST', '/api/v1/systems', { slug: 's', name: 'S', team: 't', domain: 'd' });
      const created = await strict.json<{ compatibilityMode: string }>('POST', '/api/v1/contracts', { slug: 'c', name: 'C', system: 's' });
      expect(created.body.compatibilityMode).toBe('FULL_TRANSITIVE');
      await strict.json('POST', '/api/v1/contracts/c/versions', { version: '1.0.0', document: v1 });
      // FULL: an added operation is one an old deployment cannot serve to a new client.
      const added = await strict.json<{ code: string }>('POST', '/api/v1/contracts/c/versions', { version: '1.1.0', document: withBalance });
      expect(added.body.code).toBe('publish-blocked');
    } finally {
      await strict.close();
    }
  });
});

describe('checks', () => {
  it('checks a candidate without publishing it, stores the check, and reads it back', async () => {
    const res = await server.json<{ id: string; verdict: string; failed: boolean; semver: { suggested: string }; findings: Finding[] }>('POST', '/api/v1/contracts/ledger-api/checks', { document: v1 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ verdict: 'fail', failed: true, semver: { suggested: '3.0.0' } });
    expect(res.headers.get('location')).toBe(`/api/v1/contracts/ledger-api/checks/${res.body.id}`);
    const again = await server.json<{ id: string; findings: Finding[] }>('GET', `/api/v1/contracts/ledger-api/checks/${res.body.id}`);
    expect(again.body.findings).toEqual(res.body.findings);
    const list = await server.json<{ items: { id: string }[] }>('GET', '/api/v1/contracts/ledger-api/checks');
    expect(list.body.items.map((c) => c.id)).toContain(res.body.id);
    const versions = await server.json<{ items: { version: string }[] }>('GET', '/api/v1/contracts/ledger-api/versions');
    expect(versions.body.items.map((v) => v.version)).toEqual(['2.1.0', '2.0.0', '1.0.0']);
  });

  it('names the approved consumers whose subscribed operations a finding reaches', async () => {
    await server.json('POST', '/api/v1/systems', { slug: 'billing', name: 'Billing', team: 'payments', domain: 'banking' });
    await server.json('POST', '/api/v1/systems', { slug: 'reports', name: 'Reports', team: 'payments', domain: 'banking' });
    for (const [consumer, operation] of [['billing', 'GET /entries/{entryId}'], ['reports', 'GET /balance']]) {
      const requested = await server.json<{ id: string }>('POST', '/api/v1/contracts/ledger-api/subscriptions', { consumer, range: '^2.0.0', operations: [operation] });
      expect(requested.status).toBe(201);
      expect((await server.json('POST', `/api/v1/subscriptions/${requested.body.id}/approve`)).status).toBe(200);
    }
    const res = await server.json<{ affectedConsumers: unknown[] }>('POST', '/api/v1/contracts/ledger-api/checks', { version: '2.2.0', document: ledgerApi({ id: { type: 'string' } }, { '/balance': { get: { responses: { '200': { description: 'b' } } } } }) });
    // Stored subscriptions name operations as the contract spells them.
    expect(res.body.affectedConsumers).toEqual([{ consumer: 'billing', subscription: expect.any(String), range: '^2.0.0', admitsVersion: true, operations: ['GET /entries/{id}'], breaking: 1 }]);
  });

  it('names a consumer holding ^1 and ^2 side by side once, through the subscription that admits the version', async () => {
    const older = await server.json<{ id: string }>('POST', '/api/v1/contracts/ledger-api/subscriptions', { consumer: 'billing', range: '^1.0.0', operations: ['GET /entries/{id}', 'GET /entries'] });
    expect(older.status).toBe(201);
    expect((await server.json('POST', `/api/v1/subscriptions/${older.body.id}/approve`)).status).toBe(200);
    const removesId = ledgerApi({ amount: { type: 'integer' } }, { '/balance': { get: { responses: { '200': { description: 'b' } } } } });
    const onTwo = await server.json<{ affectedConsumers: { consumer: string; subscription: string; range: string }[] }>('POST', '/api/v1/contracts/ledger-api/checks', { version: '2.2.0', document: removesId });
    expect(onTwo.body.affectedConsumers.filter((c) => c.consumer === 'billing')).toEqual([expect.objectContaining({ range: '^2.0.0', operations: ['GET /entries/{id}'] })]);
    const onOne = await server.json<{ affectedConsumers: { consumer: string; subscription: string; range: string }[] }>('POST', '/api/v1/contracts/ledger-api/checks', { version: '1.0.1', document: withoutCurrency });
    expect(onOne.body.affectedConsumers).toEqual([{ consumer: 'billing', subscription: older.body.id, range: '^1.0.0', admitsVersion: true, operations: ['GET /entries', 'GET /entries/{id}'], breaking: 1 }]);
    expect((await server.json('POST', `/api/v1/subscriptions/${older.body.id}/revoke`)).status).toBe(200);
  });

  it('takes a raw YAML document with the version in the query', async () => {
    const res = await server.fetch('/api/v1/contracts/ledger-api/checks?version=3.0.0', { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: v1 });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ version: '3.0.0', failed: false });
  });

  it('reports a version number the publish would refuse as a failing finding, so a stale info.version cannot pass CI', async () => {
    type Checked = { version: string; verdict: string; failed: boolean; comparedWith: string[]; semver: { previous: string; claimed: null; suggested: string }; findings: (Finding & { source: string; pointer: string })[] };
    // 2.1.0 is the latest and holds /balance; the candidate drops it and keeps the number.
    const taken = await server.json<Checked>('POST', '/api/v1/contracts/ledger-api/checks', { version: '2.1.0', document: withoutCurrency });
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({ version: '2.1.0', verdict: 'fail', failed: true, comparedWith: ['2.1.0'], semver: { previous: '2.1.0', claimed: null, suggested: '3.0.0' } });
    expect(taken.body.findings[0]).toEqual({
      id: 'version-already-published',
      level: 'error',
      source: 'version',
      message: 'version 2.1.0 of "ledger-api" is already published with other content; bump the version, to 3.0.0 for these changes',
      why: expect.stringMatching(/immutable/),
      operations: [],
      pointer: '/info/version',
    });
    // Judged against 2.1.0 as its next patch would be: removing /balance breaks within the line.
    expect(taken.body.findings.map((f) => f.id)).toContain('path-removed');
    const behind = await server.json<Checked>('POST', '/api/v1/contracts/ledger-api/checks', { version: '2.0.5', document: withBalance });
    expect(behind.status).toBe(201);
    expect(behind.body.findings.filter((f) => f.source === 'version')).toEqual([expect.objectContaining({ id: 'version-behind-latest', message: expect.stringMatching(/^2\.0\.5 is not greater than 2\.1\.0, the latest 2\.x version of "ledger-api"; bump the version, to 2\.2\.0 for these changes$/) })]);
    // The publish itself still refuses both numbers.
    expect((await publish('ledger-api', '2.1.0', withoutCurrency)).body.code).toBe('version-conflict');
    expect((await publish('ledger-api', '2.0.5', withBalance)).body.code).toBe('version-order');
  });

  it('answers problems for a bad version, an invalid document and an unknown check', async () => {
    const badVersion = await server.json<{ code: string }>('POST', '/api/v1/contracts/ledger-api/checks', { version: 'v2', document: v1 });
    expect(badVersion.body.code).toBe('invalid-version');
    const invalid = await server.json<{ status: number }>('POST', '/api/v1/contracts/ledger-api/checks', { document: 'openapi: 3.1.0\npaths: 7\n' });
    expect(invalid.status).toBe(422);
    expect((await server.json('GET', '/api/v1/contracts/ledger-api/checks/not-a-uuid')).status).toBe(404);
  });
});

describe('changelog', () => {
  it('sorts each version’s changes into breaking, additions and the rest, in JSON and Markdown', async () => {
    const log = await server.json<{ items: { version: string; previous: string | null; breaking: Finding[]; additions: Finding[] }[] }>('GET', '/api/v1/contracts/ledger-api/changelog');
    expect(log.body.items.map((e) => [e.version, e.previous])).toEqual([
      ['2.1.0', '2.0.0'],
      ['2.0.0', '1.0.0'],
      ['1.0.0', null],
    ]);
    expect(log.body.items[1]!.breaking.map((f) => f.id)).toContain('response-property-removed');
    expect(log.body.items[0]!.additions.map((f) => f.id)).toContain('path-added');
    const md = await server.fetch('/api/v1/contracts/ledger-api/versions/2.0.0/changelog', { headers: { accept: 'text/markdown' } });
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    const text = await md.text();
    expect(text).toMatch(/## 2\.0\.0/);
    expect(text).toMatch(/### Breaking changes\n\n- .*currency/);
  });

  it('calls a change no rule notices documentation-only', async () => {
    await contract('ledger-docs');
    await publish('ledger-docs', '1.0.0', v1);
    await publish('ledger-docs', '1.0.1', ledgerApi({ id: { type: 'string' }, amount: { type: 'integer' }, currency: { type: 'string' } }, {}, 'Ledger, now with better words'));
    const entry = await server.json<{ documentationOnly: boolean }>('GET', '/api/v1/contracts/ledger-docs/versions/latest/changelog');
    expect(entry.body.documentationOnly).toBe(true);
  });

  it('describes a maintenance release of an older line without taking it for the newer line\'s predecessor', async () => {
    await contract('ledger-lines');
    await publish('ledger-lines', '1.0.0', v1);
    await publish('ledger-lines', '2.0.0', withoutCurrency);
    expect((await publish('ledger-lines', '1.0.1', ledgerApi({ id: { type: 'string' }, amount: { type: 'integer' }, currency: { type: 'string' } }, {}, 'Ledger, patched'))).status).toBe(201);
    const log = await server.json<{ items: { version: string; previous: string | null; breaking: Finding[]; documentationOnly: boolean }[] }>('GET', '/api/v1/contracts/ledger-lines/changelog');
    expect(log.body.items.map((e) => [e.version, e.previous, e.documentationOnly])).toEqual([
      ['2.0.0', '1.0.0', false],
      ['1.0.1', '1.0.0', true],
      ['1.0.0', null, false],
    ]);
    expect(log.body.items[0]!.breaking.map((f) => f.id)).toContain('response-property-removed');
  });
});
