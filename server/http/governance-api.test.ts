import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.json('POST', '/api/v1/teams', { slug: 'payments', name: 'Payments' });
  await server.json('POST', '/api/v1/teams', { slug: 'stores', name: 'Stores' });
  await server.json('POST', '/api/v1/systems', { slug: 'ledger', name: 'Ledger', team: 'payments', domain: 'banking' });
  await server.json('POST', '/api/v1/systems', { slug: 'tills', name: 'Tills', team: 'stores', domain: 'retail' });
});
afterAll(() => server?.close());

/** A document that satisfies accord-recommended except, when asked, for HTTPS. */
const api = ({ http = false } = {}) =>
  stringify({
    openapi: '3.1.0',
    info: { title: 'Ledger', version: '1.0.0', contact: { name: 'Payments', email: 'payments@example.org' } },
    servers: [{ url: http ? 'http://ledger.example.org' : 'https://ledger.example.org' }],
    security: [{ key: [] }],
    paths: {
      '/health': {
        get: {
          operationId: 'health',
          responses: {
            '200': { description: 'up', content: { 'application/json': { schema: { type: 'object' }, example: {} } } },
            default: { description: 'a problem', content: { 'application/problem+json': { schema: { type: 'object' }, example: {} } } },
          },
        },
      },
    },
    components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
  });

interface Card {
  contract: string;
  clean: boolean;
  latestVersion: string | null;
  open: { errors: number; warnings: number };
  rules: { applying: number; passing: number; failing: string[] };
  waivers: { active: number; expiringSoon: number };
}

describe('governance scorecards', () => {
  it('score each contract, team and domain from what their latest versions were published with', async () => {
    for (const [slug, system] of [['ledger-clean', 'ledger'], ['ledger-http', 'ledger'], ['tills-api', 'tills'], ['ledger-empty', 'ledger']] as const) {
      await server.json('POST', '/api/v1/contracts', { slug, name: slug, system });
    }
    expect((await server.json('POST', '/api/v1/contracts/ledger-clean/versions', { version: '1.0.0', document: api() })).status).toBe(201);
    expect((await server.json('POST', '/api/v1/contracts/ledger-http/versions', { version: '1.0.0', document: api({ http: true }) })).status).toBe(201);
    expect((await server.json('POST', '/api/v1/contracts/tills-api/versions', { version: '1.0.0', document: api({ http: true }) })).status).toBe(201);

    const clean = (await server.json<Card>('GET', '/api/v1/governance/contracts/ledger-clean')).body;
    expect(clean).toMatchObject({ clean: true, open: { errors: 0, warnings: 0 }, rules: { failing: [] } });
    expect(clean.rules.applying).toBeGreaterThan(5);
    expect(clean.rules.passing).toBe(clean.rules.applying);

    const http = (await server.json<Card>('GET', '/api/v1/governance/contracts/ledger-http')).body;
    expect(http).toMatchObject({ clean: false, open: { errors: 1 }, rules: { failing: ['servers-https'] } });
    expect(http.rules.passing).toBe(http.rules.applying - 1);

    const team = (await server.json<{ contracts: number; published: number; clean: number; cleanShare: number; scorecards: Card[]; topFailingRules: unknown[] }>('GET', '/api/v1/governance/teams/payments')).body;
    expect(team).toMatchObject({ contracts: 3, published: 2, clean: 1, cleanShare: 0.5, topFailingRules: [{ rule: 'servers-https', contracts: 1 }] });
    expect(team.scorecards.find((c) => c.contract === 'ledger-empty')).toMatchObject({ latestVersion: null, clean: false });

    const overview = (await server.json<{ contracts: number; teams: { team: string; clean: number }[]; domains: { domain: string; cleanShare: number }[] }>('GET', '/api/v1/governance')).body;
    expect(overview.contracts).toBe(4);
    expect(overview.domains).toEqual(expect.arrayContaining([expect.objectContaining({ domain: 'retail', cleanShare: 0 })]));
    expect((await server.json('GET', '/api/v1/governance/domains/nowhere')).status).toBe(404);
  });

  it('count a waived finding as excused and its waiver as expiring soon', async () => {
    const { body: check } = await server.json<{ id: string; findings: { id: string; fingerprint: string }[] }>('POST', '/api/v1/contracts/ledger-http/checks', { document: api({ http: true }) });
    const fingerprint = check.findings.find((f) => f.id === 'servers-https')!.fingerprint;
    const waiver = await server.json<{ id: string }>('POST', '/api/v1/contracts/ledger-http/waivers', { check: check.id, fingerprint, reason: 'internal network only', expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
    await server.json('POST', `/api/v1/waivers/${waiver.body.id}/approve`);
    expect((await server.json('POST', '/api/v1/contracts/ledger-http/versions', { version: '1.0.1', document: api({ http: true }) + '\n# patched\n' })).status).toBe(201);
    const card = (await server.json<Card>('GET', '/api/v1/governance/contracts/ledger-http')).body;
    expect(card).toMatchObject({ latestVersion: '1.0.1', clean: true, open: { errors: 0 }, waivers: { active: 1, expiringSoon: 1 } });
  });

  it('name the worst contracts and the soonest waivers of the whole registry, a team and a domain', async () => {
    const overview = (await server.json<{ worst: Card[] }>('GET', '/api/v1/governance')).body;
    expect(overview.worst.map((c) => c.contract)).toEqual(['tills-api']);
    const query = 'query($team: String, $domain: String) { governance(team: $team, domain: $domain) { worst(first: 5) { slug name scorecard { open { errors } } } expiringWaivers { rule contract { slug } } } }';
    type Answer = { data: { governance: { worst: { slug: string; scorecard: { open: { errors: number } } }[]; expiringWaivers: { rule: string; contract: { slug: string } }[] } } };
    const ask = async (variables: object) => (await server.json<Answer>('POST', '/graphql', { query, variables })).body.data.governance;
    expect(await ask({})).toEqual({ worst: [{ slug: 'tills-api', name: 'tills-api', scorecard: { open: { errors: 1 } } }], expiringWaivers: [{ rule: 'servers-https', contract: { slug: 'ledger-http' } }] });
    expect(await ask({ team: 'stores' })).toEqual({ worst: [expect.objectContaining({ slug: 'tills-api' })], expiringWaivers: [] });
    expect(await ask({ domain: 'banking' })).toEqual({ worst: [], expiringWaivers: [expect.objectContaining({ rule: 'servers-https' })] });
  });
});
