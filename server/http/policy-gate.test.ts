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
  message: string;
  why: string;
  accepted?: string;
  pointer?: string;
  waiver?: { id: string };
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

/** A ruleset with one error-level rule whose pattern backtracks catastrophically on a long word with a bad ending. */
const wordsOnly = "rules:\n  title-words:\n    description: Titles are words, so the catalog can sort and search them.\n    severity: error\n    given: '$.info.title'\n    then:\n      function: pattern\n      functionOptions:\n        match: '^([A-Za-z]+ ?)+$'\n";
const titled = (title: string) => stringify({ openapi: '3.1.0', info: { title, version: '1.0.0' }, paths: {} });

describe('a policy on an active contract against a document made slow to lint', () => {
  it('refuses a title crafted to backtrack exactly like a short one that breaks the rule', async () => {
    await server.json('POST', '/api/v1/rulesets', { name: 'words-only', text: wordsOnly });
    await server.json('POST', '/api/v1/contracts', { slug: 'ledger-words', name: 'Ledger', system: 'ledger', lifecycle: 'active' });
    await server.json('POST', '/api/v1/ruleset-assignments', { scope: 'contract', target: 'ledger-words', ruleset: 'words-only' });
    for (const title of ['Ledger!', `${'Ledger'.repeat(7)}!`]) {
      const refused = await server.json<{ code: string; findings: Finding[] }>('POST', '/api/v1/contracts/ledger-words/versions', { version: '1.0.0', document: titled(title) });
      expect(refused.status, title).toBe(422);
      expect(refused.body.findings.map((f) => [f.id, f.level, f.pointer])).toEqual([['title-words', 'error', '/info/title']]);
    }
    expect((await server.json('POST', '/api/v1/contracts/ledger-words/versions', { version: '1.0.0', document: titled('Ledger Entries') })).status).toBe(201);
  });
});

describe('a lint that runs out of its time budget', () => {
  // accord-strict validates examples; a document's own pattern (lookahead: never on the linear
  // engine) against its own example backtracks far beyond the budget.
  const examples = 'extends: [[spectral:oas, off]]\nrules:\n  oas3-valid-schema-example: error\n';
  const slowToLint = stringify({ openapi: '3.1.0', info: { title: 'Codes', version: '1.0.0' }, paths: {}, components: { schemas: { Code: { type: 'string', pattern: '^(?=a)(a+)+$', example: `${'a'.repeat(40)}!` } } } });
  let budgeted: TestServer;
  beforeAll(async () => {
    // Long enough to parse the document on a busy machine, short enough for a test.
    budgeted = await startTestServer({ env: { ACCORD_PARSE_TIMEOUT_MS: '4000' } });
    await budgeted.json('POST', '/api/v1/teams', { slug: 'payments', name: 'Payments' });
    await budgeted.json('POST', '/api/v1/systems', { slug: 'ledger', name: 'Ledger', team: 'payments', domain: 'banking' });
    await budgeted.json('POST', '/api/v1/rulesets', { name: 'examples-valid', text: examples });
    await budgeted.json('POST', '/api/v1/contracts', { slug: 'codes', name: 'Codes', system: 'ledger', lifecycle: 'active' });
    await budgeted.json('POST', '/api/v1/ruleset-assignments', { scope: 'contract', target: 'codes', ruleset: 'examples-valid' });
  });
  afterAll(() => budgeted?.close());

  it('blocks the publish, saying which ruleset did not finish and why that blocks, until the finding is waived', async () => {
    const publish = () => budgeted.json<{ code: string; findings: Finding[] }>('POST', '/api/v1/contracts/codes/versions', { version: '1.0.0', document: slowToLint });
    const blocked = await publish();
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('publish-blocked');
    const [unfinished] = blocked.body.findings;
    expect(blocked.body.findings).toHaveLength(1);
    expect(unfinished).toMatchObject({ id: 'lint-timeout', level: 'error', source: 'policy' });
    expect(unfinished!.message).toBe('linting with examples-valid@1 took longer than 4000 ms and was stopped, so its 1 error-level rule(s) (oas3-valid-schema-example) were not checked; this blocks as their errors would');
    expect(unfinished!.why).toContain('waive lint-timeout');

    const waiver = await budgeted.json<{ id: string }>('POST', '/api/v1/contracts/codes/waivers', { rule: 'lint-timeout', operations: [], reason: 'examples are checked by hand this release', expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString() });
    expect(waiver.status).toBe(201);
    expect((await budgeted.json('POST', `/api/v1/waivers/${waiver.body.id}/approve`)).status).toBe(200);
    const published = await publish();
    expect(published.status).toBe(201);
    expect(published.body.findings).toEqual([expect.objectContaining({ id: 'lint-timeout', level: 'error', waiver: expect.objectContaining({ id: waiver.body.id }) })]);
  }, 90_000);
});
