import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { fixture, runAccord } from '../__fixtures__/run-accord.js';

let server: TestServer;
const accord = (...args: string[]) => runAccord(args, { server: server.url });
const doc = (name: string) => fixture(`diff/${name}.yaml`);
// Fixtures are committed, so the repository's own history has them at HEAD.
const atHead = (name: string) => `HEAD:server/cli/__fixtures__/diff/${name}.yaml`;

beforeAll(async () => {
  server = await startTestServer();
  await server.json('POST', '/api/v1/teams', { slug: 'store-platform', name: 'Store Platform' });
  await server.json('POST', '/api/v1/systems', { slug: 'order-service', name: 'Orders', team: 'store-platform', domain: 'retail' });
  await server.json('POST', '/api/v1/contracts', { slug: 'orders-api', name: 'Orders API', system: 'order-service' });
  await server.json('POST', '/api/v1/contracts/orders-api/versions', { version: '1.0.0', document: await readFile(doc('base'), 'utf8') });
  await server.json('POST', '/api/v1/contracts/orders-api/versions', { version: '1.1.0', document: await readFile(doc('additive'), 'utf8') });
  await server.json('POST', '/api/v1/environments', { slug: 'prod', name: 'Production', rank: 30 });
  await server.json('POST', '/api/v1/contracts/orders-api/deployments', { environment: 'prod', version: '1.0.0', address: 'https://orders.example.com' });
});
afterAll(() => server?.close());

describe('accord diff with registry references and git revisions', () => {
  test('compares the version deployed in an environment with the latest one', async () => {
    const run = await accord('diff', 'orders-api@env:prod', 'orders-api@latest', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ verdict: 'pass', findings: [expect.objectContaining({ id: 'response-property-added' })] });
  });

  test('compares a registered version with a local file, and a file at a git revision with a local file', async () => {
    const registered = await accord('diff', 'orders-api@1.1.0', doc('breaking'));
    expect(registered.code).toBe(1);
    expect(registered.stdout).toMatch(/^error response-property-removed .*"total"/m);
    const revision = await accord('diff', atHead('base'), doc('breaking'), '--format', 'json');
    expect(revision.code).toBe(1);
    expect(JSON.parse(revision.stdout)).toMatchObject({ verdict: 'fail', summary: { error: 1 } });
  });

  test('a version the registry does not have exits 1 with the problem', async () => {
    const run = await accord('diff', 'orders-api@9.0.0', doc('base'), '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'not-found', status: 404 } });
  });

  test('an environment with nothing deployed, a missing git path and a revision starting with a dash exit 2', async () => {
    await server.json('POST', '/api/v1/environments', { slug: 'staging', name: 'Staging', rank: 20 });
    const undeployed = await accord('diff', 'orders-api@env:staging', doc('base'));
    expect(undeployed.code).toBe(2);
    expect(undeployed.stderr).toContain('no version of orders-api is recorded as deployed in staging');
    const missing = await accord('diff', atHead('no-such-file'), doc('base'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/HEAD:server\/cli\/__fixtures__\/diff\/no-such-file\.yaml: git cannot show it/);
    const dashed = await accord('diff', '--', '--output=/tmp/x:openapi.yaml', doc('base'));
    expect(dashed.code).toBe(2);
    expect(dashed.stderr).toContain('a git revision cannot start with "-"');
  });
});
