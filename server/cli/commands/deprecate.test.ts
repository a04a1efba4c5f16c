import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { accordTestRegistry } from '../../test-support/accord-test-registry.js';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const ok = { responses: { '200': { description: 'ok' } } };
const api = stringify({ openapi: '3.1.0', info: { title: 'Ledger', version: '1' }, paths: { '/entries': { get: ok }, '/entries/{id}': { delete: ok } } });

const registry = accordTestRegistry({
  teams: ['payments'],
  systems: [{ slug: 'ledger', team: 'payments', domain: 'banking' }],
  contracts: [{ slug: 'ledger-api', system: 'ledger' }],
  versions: [{ contract: 'ledger-api', version: '1.0.0', document: api }],
});
const { accord } = registry;

describe('accord deprecate', () => {
  test('deprecates operations, a version and the contract, printing what is deprecated', async () => {
    const operations = await accord('deprecate', 'ledger-api', '--operation', 'DELETE /entries/{entryId}', '--sunset', inDays(60), '--note', 'entries are immutable');
    expect(operations.code).toBe(0);
    expect(operations.stdout).toMatch(/^ledger-api {2}draft\n/);
    expect(operations.stdout).toMatch(new RegExp(`DELETE /entries/\\{id\\}\\s+${inDays(60)}\\s+entries are immutable`));

    const version = await accord('deprecate', 'ledger-api', '--version', '1.0.0', '--sunset', inDays(90), '--json');
    expect(version.code).toBe(0);
    expect(JSON.parse(version.stdout)).toMatchObject({ versions: [{ version: '1.0.0' }], operations: [{ operation: 'DELETE /entries/{id}' }] });

    const contract = await accord('deprecate', 'ledger-api', '--sunset', inDays(120));
    expect(contract.stdout).toMatch(new RegExp(`^ledger-api {2}deprecated {2}sunset ${inDays(120)}`));

    const withdrawn = await accord('deprecate', 'ledger-api', '--operation', 'DELETE /entries/{id}', '--withdraw', '--json');
    expect(JSON.parse(withdrawn.stdout)).toMatchObject({ operations: [] });
  });

  test('reports refusals from Accord with their pointer, and usage errors before asking', async () => {
    const unknown = await accord('deprecate', 'ledger-api', '--operation', 'PUT /entries', '--sunset', inDays(60));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown-operation[\s\S]*\/operations\/0/);

    const missing = await accord('deprecate', 'ledger-api', '--note', 'soon');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--sunset is required/);
  });
});
