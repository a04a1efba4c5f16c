import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { accordTestRegistry } from '../../test-support/accord-test-registry.js';

const api = (properties: Record<string, object>) =>
  stringify({ openapi: '3.1.0', info: { title: 'Ledger', version: '1' }, paths: { '/entries': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: Object.keys(properties), properties } } } } } } } } });

const registry = accordTestRegistry({
  teams: ['payments'],
  systems: [{ slug: 'ledger', team: 'payments', domain: 'banking' }],
  contracts: [{ slug: 'ledger-api', system: 'ledger' }],
  versions: [{ contract: 'ledger-api', version: '1.0.0', document: api({ id: { type: 'string' }, memo: { type: 'string' } }) }],
});
const { accord } = registry;

describe('accord waiver', () => {
  test('requests a waiver for a finding of a check, approves it, and lists it as active', async () => {
    const checked = await registry.server.json<{ id: string; findings: { id: string; fingerprint: string }[] }>('POST', '/api/v1/contracts/ledger-api/checks', { version: '1.1.0', document: api({ id: { type: 'string' } }) });
    const fingerprint = checked.body.findings.find((f) => f.id === 'response-property-removed')!.fingerprint;
    const requested = await accord('waiver', 'request', 'ledger-api', '--check', checked.body.id, '--fingerprint', fingerprint, '--reason', 'memo unused', '--expires', new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10), '--json');
    expect(requested.code).toBe(0);
    const waiver = JSON.parse(requested.stdout) as { id: string; state: string };
    expect(waiver.state).toBe('requested');
    const approved = await accord('waiver', 'approve', waiver.id);
    expect(approved.stdout).toMatch(new RegExp(`^${waiver.id}  active  response-property-removed`));
    const listed = await accord('waiver', 'ls', 'ledger-api', '--state', 'active');
    expect(listed.stdout).toMatch(/^ID\s+STATE\s+RULE/);
    expect(listed.stdout).toContain(waiver.id);
  });

  test('says what is missing before asking the server', async () => {
    const run = await accord('waiver', 'request', 'ledger-api', '--rule', 'response-property-removed', '--expires', '2030-01-01');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--reason is required/);
  });
});
