import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.json('POST', '/api/v1/teams', { slug: 'payments', name: 'Payments' });
  await server.json('POST', '/api/v1/systems', { slug: 'ledger', name: 'Ledger', team: 'payments', domain: 'banking' });
  await server.json('POST', '/api/v1/contracts', { slug: 'ledger-api', name: 'Ledger API', system: 'ledger', lifecycle: 'draft' });
});
afterAll(() => server?.close());

interface Ruleset {
  name: string;
  version: number | null;
  shipped: boolean;
  text?: string;
  description: string;
}
interface Assignment {
  id: string;
  scope: string;
  target: string;
  lifecycle: string | null;
  ruleset: string;
}
interface Effective {
  ruleset: string;
  version: number | null;
  text: string;
  assignment: { scope: string; target: string; lifecycle: string | null } | null;
}
interface Problem {
  code: string;
  detail: string;
  errors?: { pointer: string; detail: string; line?: number }[];
}

/** A small ruleset of our own; `severity` varies it so each call can make a different text. */
const ruleset = (severity = 'error') => `extends: [[accord-recommended, off]]
rules:
  ledger-contact:
    description: Every ledger contract names whom to call.
    message: Add info.contact.
    severity: ${severity}
    given: $.info
    then:
      field: contact
      function: truthy
`;
const save = (body: object) => server.json<Ruleset & Problem>('POST', '/api/v1/rulesets', body);
const assign = (body: object) => server.json<Assignment & Problem>('POST', '/api/v1/ruleset-assignments', body);
const effective = async (contract = 'ledger-api') => (await server.json<Effective>('GET', `/api/v1/contracts/${contract}/ruleset`)).body;

describe('rulesets', () => {
  it('are stored as numbered versions; saving the latest text again adds none', async () => {
    const first = await save({ name: 'ledger-rules', text: ruleset('warn'), description: 'What the ledger team agreed on' });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe('/api/v1/rulesets/ledger-rules?version=1');
    expect(first.body).toMatchObject({ name: 'ledger-rules', version: 1, shipped: false, description: 'What the ledger team agreed on' });

    const second = await save({ name: 'ledger-rules', text: ruleset('error') });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ version: 2, description: 'What the ledger team agreed on' });
    const again = await save({ name: 'ledger-rules', text: ruleset('error') });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(2);

    expect((await server.json<Ruleset>('GET', '/api/v1/rulesets/ledger-rules')).body).toMatchObject({ version: 2, text: ruleset('error') });
    expect((await server.json<Ruleset>('GET', '/api/v1/rulesets/ledger-rules?version=1')).body).toMatchObject({ version: 1, text: ruleset('warn') });
    expect((await server.json('GET', '/api/v1/rulesets/ledger-rules?version=3')).status).toBe(404);
    const versions = await server.json<{ items: Ruleset[] }>('GET', '/api/v1/rulesets/ledger-rules/versions');
    expect(versions.body.items.map((r) => r.version)).toEqual([1, 2]);
  });

  it('can be uploaded as the YAML file itself, named in the query', async () => {
    const response = await server.fetch('/api/v1/rulesets?name=uploaded-rules', { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: ruleset() });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ name: 'uploaded-rules', version: 1 });
  });

  it('list the shipped rulesets first, then the latest version of each stored one', async () => {
    await save({ name: 'listed-rules', text: ruleset() });
    const { items } = (await server.json<{ items: Ruleset[] }>('GET', '/api/v1/rulesets')).body;
    expect(items.slice(0, 2)).toMatchObject([
      { name: 'accord-recommended', version: null, shipped: true },
      { name: 'accord-strict', version: null, shipped: true },
    ]);
    expect(items.find((r) => r.name === 'listed-rules')).toMatchObject({ version: 1, shipped: false });
    expect(items.every((r) => r.text === undefined)).toBe(true);
    const shipped = await server.json<Ruleset>('GET', '/api/v1/rulesets/accord-strict');
    expect(shipped.body).toMatchObject({ name: 'accord-strict', version: null, shipped: true });
    expect(shipped.body.text).toContain('accord-recommended');
  });

  it('refuse a ruleset that extends a remote URL, naming the line', async () => {
    const text = 'rules: {}\nextends:\n  - https://rulesets.example.com/strict.yaml\n';
    const refused = await save({ name: 'remote-rules', text });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ruleset-invalid');
    expect(refused.body.errors).toMatchObject([{ pointer: '/text/extends/0', line: 3 }]);
    expect(refused.body.detail).toContain('remote-rules:3:');
    expect((await server.json('GET', '/api/v1/rulesets/remote-rules')).status).toBe(404);
  });

  it('refuse a ruleset that loads JavaScript functions, naming the line', async () => {
    const text = `${ruleset()}functions: [ledgerCheck]\nfunctionsDir: ./functions\n`;
    const refused = await save({ name: 'js-rules', text });
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.map((e) => [e.pointer, e.line])).toEqual([
      ['/text/functions', 11],
      ['/text/functionsDir', 12],
    ]);
  });

  it('refuse the names of the shipped and built-in rulesets', async () => {
    const shipped = await save({ name: 'accord-recommended', text: ruleset() });
    expect(shipped.status).toBe(409);
    expect(shipped.body).toMatchObject({ code: 'reserved-name', errors: [{ pointer: '/name' }] });
    const builtIn = await save({ name: 'spectral:oas', text: ruleset() });
    expect(builtIn.status).toBe(422);
    expect(builtIn.body.errors).toMatchObject([{ pointer: '/name' }]);
  });
});

describe('ruleset assignments', () => {
  it('choose the most specific ruleset for a contract: contract, team, domain, global; a stage beats none', async () => {
    for (const name of ['rs-global', 'rs-domain', 'rs-team', 'rs-contract', 'rs-draft', 'rs-active']) expect((await save({ name, text: ruleset() })).status).toBe(201);
    expect(await effective()).toMatchObject({ ruleset: 'accord-recommended', version: null, assignment: null });
    expect((await effective()).text).toContain('accord-recommended');

    const global = await assign({ scope: 'global', ruleset: 'rs-global' });
    expect(global.status).toBe(201);
    expect(global.body).toMatchObject({ scope: 'global', target: '', lifecycle: null, ruleset: 'rs-global' });
    expect(await effective()).toMatchObject({ ruleset: 'rs-global', version: 1, text: ruleset(), assignment: { scope: 'global', target: '', lifecycle: null } });

    await assign({ scope: 'domain', target: 'banking', ruleset: 'rs-domain' });
    expect((await effective()).ruleset).toBe('rs-domain');
    // The team's assignment for draft contracts wins over the team's stage-less one, not over the contract's.
    await assign({ scope: 'team', target: 'payments', ruleset: 'rs-team' });
    expect((await effective()).ruleset).toBe('rs-team');
    await assign({ scope: 'team', target: 'payments', lifecycle: 'draft', ruleset: 'rs-draft' });
    expect((await effective()).assignment).toEqual({ scope: 'team', target: 'payments', lifecycle: 'draft' });
    const contract = await assign({ scope: 'contract', target: 'ledger-api', ruleset: 'rs-contract' });
    expect((await effective()).ruleset).toBe('rs-contract');

    const active = await assign({ scope: 'contract', target: 'ledger-api', lifecycle: 'active', ruleset: 'rs-active' });
    expect((await effective()).ruleset).toBe('rs-contract');
    await server.json('PATCH', '/api/v1/contracts/ledger-api', { lifecycle: 'active' });
    expect((await effective()).ruleset).toBe('rs-active');

    // A stored ruleset applies at its latest version.
    await save({ name: 'rs-active', text: ruleset('warn') });
    expect(await effective()).toMatchObject({ ruleset: 'rs-active', version: 2, text: ruleset('warn') });

    expect((await server.json('POST', `/api/v1/ruleset-assignments/${active.body.id}/remove`)).status).toBe(200);
    expect((await effective()).ruleset).toBe('rs-contract');
    await server.json('POST', `/api/v1/ruleset-assignments/${contract.body.id}/remove`);
    expect((await effective()).ruleset).toBe('rs-team');
    expect((await server.json<Problem>('POST', `/api/v1/ruleset-assignments/${contract.body.id}/remove`)).status).toBe(404);

    const listed = await server.json<{ items: Assignment[] }>('GET', '/api/v1/ruleset-assignments?target=payments');
    expect(listed.body.items.map((a) => [a.lifecycle, a.ruleset])).toEqual([
      [null, 'rs-team'],
      ['draft', 'rs-draft'],
    ]);
  });

  it('replace the ruleset of the same scope, target and stage instead of adding a second', async () => {
    await server.json('POST', '/api/v1/teams', { slug: 'retail', name: 'Retail' });
    const first = await assign({ scope: 'team', target: 'retail', ruleset: 'accord-recommended' });
    expect(first.status).toBe(201);
    const replaced = await assign({ scope: 'team', target: 'retail', lifecycle: null, ruleset: 'accord-strict' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: first.body.id, ruleset: 'accord-strict' });
    const listed = await server.json<{ items: Assignment[] }>('GET', '/api/v1/ruleset-assignments?scope=team&target=retail');
    expect(listed.body.items).toHaveLength(1);
  });

  it('refuse unknown targets and rulesets, and a target where none belongs', async () => {
    const refusals: [object, string, string][] = [
      [{ scope: 'domain', target: 'nowhere', ruleset: 'accord-strict' }, '/target', 'unknown-reference'],
      [{ scope: 'team', target: 'nobody', ruleset: 'accord-strict' }, '/target', 'unknown-reference'],
      [{ scope: 'contract', target: 'no-such-api', ruleset: 'accord-strict' }, '/target', 'unknown-reference'],
      [{ scope: 'contract', target: 'ledger-api', ruleset: 'no-such-rules' }, '/ruleset', 'unknown-reference'],
      [{ scope: 'global', target: 'banking', ruleset: 'accord-strict' }, '/target', 'invalid-input'],
      [{ scope: 'team', ruleset: 'accord-strict' }, '/target', 'invalid-input'],
      [{ scope: 'global', lifecycle: 'retired', ruleset: 'accord-strict' }, '/lifecycle', 'invalid-input'],
    ];
    for (const [body, pointer, code] of refusals) {
      const refused = await assign(body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.body, JSON.stringify(body)).toMatchObject({ code, errors: [{ pointer }] });
    }
    expect((await assign({ scope: 'team', ruleset: 'accord-strict' })).body).toMatchObject({ detail: 'a team assignment needs a target: the team it applies to' });
    expect((await server.json('GET', '/api/v1/contracts/no-such-api/ruleset')).status).toBe(404);
    expect((await server.json('POST', '/api/v1/ruleset-assignments/not-an-id/remove')).status).toBe(404);
  });
});
