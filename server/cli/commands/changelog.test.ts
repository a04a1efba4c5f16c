import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { fixture, runAccord } from '../__fixtures__/run-accord.js';

let server: TestServer;
const accord = (...args: string[]) => runAccord(args, { server: server.url });
const doc = (name: string) => fixture(`diff/${name}.yaml`);

beforeAll(async () => {
  server = await startTestServer();
  await server.json('POST', '/api/v1/teams', { slug: 'store-platform', name: 'Store Platform' });
  await server.json('POST', '/api/v1/systems', { slug: 'order-service', name: 'Orders', team: 'store-platform', domain: 'retail' });
  await server.json('POST', '/api/v1/contracts', { slug: 'orders-api', name: 'Orders API', system: 'order-service' });
  for (const [version, name] of [['1.0.0', 'base'], ['1.1.0', 'additive'], ['2.0.0', 'breaking']] as const) {
    const { status } = await server.json('POST', '/api/v1/contracts/orders-api/versions', { version, document: await readFile(doc(name), 'utf8') });
    expect(status).toBe(201);
  }
});
afterAll(() => server?.close());

describe('accord changelog', () => {
  test('prints the changelog of a contract after --from in Markdown, as the REST API renders it', async () => {
    const run = await accord('changelog', 'orders-api', '--from', '1.0.0', '--format', 'markdown');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Changelog of orders-api\n\n## 2\.0\.0 \(\d{4}-\d{2}-\d{2}\)\n\n### Breaking changes\n\n- required response property "total" was removed/);
    expect(run.stdout).toContain('### Additions\n\n- response property "channel" was added');
    expect(run.stdout).not.toContain('## 1.0.0');
    const rest = await server.fetch('/api/v1/contracts/orders-api/changelog?format=markdown');
    expect(await rest.text()).toContain(run.stdout.split('\n## 1.1.0')[0]!.split('## 2.0.0')[1]!);
  });

  test('--to and --json keep the versions asked for', async () => {
    const run = await accord('changelog', 'orders-api', '--to', '1.1.0', '--json');
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as { contract: string; items: { version: string; previous: string | null }[] };
    expect(body.items.map((e) => [e.version, e.previous])).toEqual([
      ['1.1.0', '1.0.0'],
      ['1.0.0', null],
    ]);
  });

  test('a contract that does not exist is refused with the problem, exit 1', async () => {
    const run = await accord('changelog', 'no-such-api');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: not-found: .*no-such-api/);
  });

  test('between two documents it works offline, in text', async () => {
    const run = await runAccord(['changelog', doc('base'), doc('breaking')], { server: 'http://127.0.0.1:9' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Changelog of Orders API\n\n2\.0\.0, since 1\.0\.0\n {2}Breaking changes:\n {4}- required response property "total" was removed/);
  });
});
