import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.json('POST', '/api/v1/teams', { slug: 'payments', name: 'Payments' });
  await server.json('POST', '/api/v1/systems', { slug: 'ledger', name: 'Ledger', team: 'payments', domain: 'banking' });
});
afterAll(() => server?.close());

interface Finding {
  id: string;
  level: string;
  source: string;
  accepted?: string;
  pointer?: string;
}

/** A document accord-recommended refuses for one reason only: its server speaks plain HTTP. */
const overHttp = stringify({
  openapi: '3.1.0',
  info: { title: 'Ledger', version: '1.0.0', contact: { name: 'Payments', email: 'payments@example.org' } },
  servers: [{ url: 'http://ledger.example.org' }],
  security: [{ key: [] }],
  paths: { '/health': { get: { operationId: 'health', responses: { '200': { description: 'up' } } } } },
  components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
});

const publish = (slug: string, version: string) => server.json<{ code: string; findings: Finding[] }>('POST', `/api/v1/contracts/${slug}/versions`, { version, document: overHttp });

describe('policy lint on publish', () => {
  it('blocks an active contract on an error of its ruleset, reported beside compatibility findings', async () => {
    await server.json('POST', '/api/v1/contracts', { slug: 'ledger-active', name: 'Ledger', system: 'ledger', lifecycle: 'active' });
    const blocked = await publish('ledger-active', '1.0.0');
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('publish-blocked');
    expect(blocked.body.findings.find((f) => f.id === 'servers-https')).toMatchObject({ level: 'error', source: 'policy', pointer: '/servers/0/url' });
  });

  it('reports the same error on a draft without blocking it', async () => {
    await server.json('POST', '/api/v1/contracts', { slug: 'ledger-draft', name: 'Ledger', system: 'ledger' });
    const published = await publish('ledger-draft', '1.0.0');
    expect(published.status).toBe(201);
    expect(published.body.findings.find((f) => f.id === 'servers-https')).toMatchObject({ level: 'error', source: 'policy', accepted: 'draft' });
  });

  it('lints with the ruleset assigned to the contract', async () => {
    const saved = await server.json('POST', '/api/v1/rulesets', { name: 'ledger-lenient', text: 'extends: [accord-recommended]\nrules:\n  servers-https: warn\n' });
    expect(saved.status).toBe(201);
    const assigned = await server.json('POST', '/api/v1/ruleset-assignments', { scope: 'contract', target: 'ledger-active', ruleset: 'ledger-lenient' });
    expect(assigned.status).toBe(201);
    const published = await publish('ledger-active', '1.0.0');
    expect(published.status).toBe(201);
    expect(published.body.findings.find((f) => f.id === 'servers-https')).toMatchObject({ level: 'warn', source: 'policy' });
  });
});
