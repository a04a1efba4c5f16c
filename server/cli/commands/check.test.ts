import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { closedPortUrl, fixture, runAccord } from '../__fixtures__/run-accord.js';

let server: TestServer;
const accord = (...args: string[]) => runAccord(args, { server: server.url });
const doc = (name: string) => fixture(`diff/${name}.yaml`);

beforeAll(async () => {
  server = await startTestServer();
  await server.json('POST', '/api/v1/teams', { slug: 'checkout', name: 'Checkout' });
  await server.json('POST', '/api/v1/systems', { slug: 'order-service', name: 'Order Service', team: 'checkout', domain: 'retail' });
  await server.json('POST', '/api/v1/contracts', { slug: 'orders-api', name: 'Orders API', system: 'order-service' });
  const published = await server.json('POST', '/api/v1/contracts/orders-api/versions', { version: '1.0.0', document: await readFile(doc('base'), 'utf8') });
  expect(published.status).toBe(201);
});
afterAll(() => server?.close());

describe('accord check', () => {
  test('a breaking candidate checked as a minor fails and names the version to publish instead', async () => {
    const run = await accord('check', doc('breaking'), '--contract', 'orders-api', '--version', '1.1.0');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^error response-property-removed /m);
    expect(run.stdout).toMatch(/^FAIL: 1 breaking/m);
    expect(run.stdout).toMatch(/breaking changes need a new major version: publish 2\.0\.0/);
  });

  test('text output says where each policy finding sits, as file:line:col and pointer, like lint', async () => {
    const run = await accord('check', doc('breaking'), '--contract', 'orders-api', '--version', '2.0.0');
    const located = [...run.stdout.matchAll(/^(?:error|warn|info|ok|waived) +\S+ {2}.* {2}at (\S+):(\d+):(\d+) (\/\S*)$/gm)];
    expect(located.length).toBeGreaterThan(0);
    const lines = (await readFile(doc('breaking'), 'utf8')).split('\n');
    for (const [, file, line, column, pointer] of located) {
      expect(doc('breaking')).toContain(file!);
      const key = pointer!.split('/').at(-1)!.replaceAll('~1', '/').replaceAll('~0', '~');
      // The position is the key holding the value the pointer names.
      expect(lines[Number(line) - 1]!.slice(Number(column) - 1)).toMatch(new RegExp(`^['"]?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
    // Changes between versions are about operations; they carry no location line.
    expect(run.stdout).toMatch(/^ok {4}response-property-removed {2}[^\n]*$/m);
    expect(run.stdout).not.toMatch(/^ok {4}response-property-removed .* {2}at \S+:\d+:\d+ /m);
  });

  test('the same candidate as its own info.version, 2.0.0, passes with the breaking change accepted', async () => {
    const run = await accord('check', doc('breaking'), '--contract', 'orders-api', '--format', 'json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { verdict: string; version: string; mode: string; comparedWith: string[]; check: string; findings: { id: string; accepted?: string }[] };
    // Only policy warnings remain: the breaking change is accepted by the major.
    expect(report).toMatchObject({ verdict: 'warn', version: '2.0.0', mode: 'BACKWARD', comparedWith: ['1.0.0'] });
    expect(report.findings.find((f) => f.id === 'response-property-removed')).toMatchObject({ accepted: 'major-version' });
    const stored = await server.json<{ id: string }>('GET', `/api/v1/contracts/orders-api/checks/${report.check}`);
    expect(stored.status).toBe(200);
    const versions = await server.json<{ items: unknown[] }>('GET', '/api/v1/contracts/orders-api/versions');
    expect(versions.body.items).toHaveLength(1);
  });

  test('markdown is ready for a pull-request comment', async () => {
    const run = await accord('check', doc('breaking'), '--contract', 'orders-api', '--version', '1.0.1', '--format', 'markdown');
    // The contract is a draft: the default ruleset's errors about the document are reported without blocking.
    expect(run.stdout.split('\n')[0]).toMatch(/^❌ \*\*FAIL: 1 breaking, \d+ policy errors? \(\d+ accepted\), \d+ warnings?, 0 other changes\*\*$/);
    expect(run.stdout).toContain('| `response-property-removed` |');
  });

  test('a candidate still carrying a published info.version gets its markdown report, with the version as a failing finding', async () => {
    // The usual state of a pull request before the version bump: 1.0.0 is published, with other content.
    const dir = await mkdtemp(join(tmpdir(), 'accord-check-'));
    try {
      const candidate = join(dir, 'openapi.yaml');
      await writeFile(candidate, (await readFile(doc('additive'), 'utf8')).replace('version: 1.1.0', 'version: 1.0.0'));
      const run = await accord('check', candidate, '--contract', 'orders-api', '--format', 'markdown');
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      expect(run.stdout.split('\n')[0]).toMatch(/^❌ \*\*FAIL: 0 breaking, .*1 version error,/);
      expect(run.stdout).toContain('| `version-already-published` | version 1.0.0 of "orders-api" is already published with other content; bump the version, to 1.1.0 for these changes |');
      expect(run.stdout).toContain('since 1.0.0: minor changes; suggested next version: 1.1.0');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a version below the latest of its line is reported as a finding in every format, not refused', async () => {
    const json = await accord('check', doc('additive'), '--contract', 'orders-api', '--version', '1.0.0-rc.1', '--format', 'json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { verdict: string; findings: { id: string; level: string; source: string; message: string }[] };
    expect(report.verdict).toBe('fail');
    expect(report.findings.filter((f) => f.source === 'version')).toEqual([
      expect.objectContaining({ id: 'version-behind-latest', level: 'error', message: '1.0.0-rc.1 is not greater than 1.0.0, the latest 1.x version of "orders-api"; bump the version, to 1.1.0 for these changes' }),
    ]);
    for (const format of ['text', 'junit', 'sarif']) {
      const run = await accord('check', doc('additive'), '--contract', 'orders-api', '--version', '1.0.0-rc.1', '--format', format);
      expect([run.code, run.stdout]).toEqual([1, expect.stringContaining('version-behind-latest')]);
    }
  });

  test('an unknown contract is exit 1 with the problem, an unreachable server exit 3', async () => {
    const unknown = await accord('check', doc('base'), '--contract', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/not-found: contract "nope" was not found/);
    const offline = await runAccord(['check', doc('base'), '--contract', 'orders-api'], { server: await closedPortUrl() });
    expect(offline.code).toBe(3);
  });

  test('accord publish lists the findings that blocked it', async () => {
    const run = await accord('publish', doc('breaking'), '--contract', 'orders-api', '--version', '1.1.0');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/publish-blocked: 1\.1\.0 of "orders-api" has 1 breaking change under the BACKWARD compatibility mode; breaking changes need a new major version, e\.g\. 2\.0\.0/);
    expect(run.stdout).toContain('response-property-removed');
  });
});
