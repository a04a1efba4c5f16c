import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TrafficWindow } from '../../shared/index.js';
import { TEST_ADMIN_TOKEN } from '../../test-support/test-credentials.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { stockEventsDocument, validAdjustment } from '../../tester/__fixtures__/stock-events-document.js';
import { runAccord } from '../__fixtures__/run-accord.js';

const NATS_URL = 'nats://127.0.0.1:4222';
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const prefix = `accordtest-cli-${randomBytes(4).toString('hex')}`;
let server: TestServer;
let spoolDir: string;

beforeAll(async () => {
  server = await startTestServer();
  spoolDir = await mkdtemp(join(tmpdir(), 'accord-listen-'));
  const post = async (path: string, body: unknown) => {
    const { status, body: answer } = await server.json('POST', `/api/v1${path}`, body);
    if (status >= 300) throw new Error(`POST ${path} answered ${status}: ${JSON.stringify(answer)}`);
  };
  await post('/teams', { slug: 'supply', name: 'Supply' });
  await post('/systems', { slug: 'inventory', name: 'Inventory', team: 'supply', domain: 'retail' });
  await post('/contracts', { slug: 'stock-events', name: 'Stock events', system: 'inventory' });
  await post('/contracts/stock-events/versions', { version: '1.0.0', document: JSON.stringify(stockEventsDocument({ prefix, separator: '.' })) });
  await post('/environments', { slug: 'dev', name: 'Development', rank: 1 });
  await post('/environments', { slug: 'prod', name: 'Production', rank: 3 });
  await post('/contracts/stock-events/deployments', { environment: 'dev', version: '1.0.0', address: NATS_URL });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await rm(spoolDir, { recursive: true, force: true });
});

describe('accord listen', () => {
  it('loads the version deployed in the environment, listens on its broker and reports what it heard', async () => {
    const child = spawn(process.execPath, [inject('cliEntry'), 'listen', '--contract', 'stock-events', '--env', 'dev', '--json', '--flush-interval', '1h', '--spool-dir', spoolDir], {
      cwd: projectRoot,
      env: { ...process.env, ACCORD_URL: server.url, ACCORD_TOKEN: TEST_ADMIN_TOKEN },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('listening to')) resolve();
      });
      void exited.then(() => reject(new Error(`accord listen exited early: ${stderr}`)));
    });
    expect(stderr).toContain(`listening to stock-events 1.0.0 in dev on nats://127.0.0.1:4222: ${prefix}.stock.>`);

    const nc = await connect({ servers: NATS_URL });
    nc.publish(`${prefix}.stock.s1.adjusted`, JSON.stringify(validAdjustment));
    nc.publish(`${prefix}.stock.s1.adjusted`, JSON.stringify({ sku: 'lower-case', quantityDelta: 1 }));
    nc.publish(`${prefix}.stock.s1.moved`, JSON.stringify(validAdjustment));
    // Once the server answers the flush it has routed the messages to the listener's connection, and
    // the listener drains its subscription on SIGTERM: they arrive before the drain completes.
    await nc.flush();
    await nc.close();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const windows = stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as TrafficWindow);
    const operations = windows.flatMap((w) => w.operations);
    expect(operations).toEqual([expect.objectContaining({ operation: `send ${prefix}.stock.{storeId}.adjusted`, violations: 1, messages: { seen: 2, validated: 2, dropped: 0 } })]);
    expect(windows.flatMap((w) => w.violations)).toEqual([expect.objectContaining({ pointer: '/payload/sku', rule: 'message-payload-schema' })]);
    expect(windows.flatMap((w) => w.undocumented)).toEqual([{ request: `receive ${prefix}.stock.s1.moved`, consumer: 'unknown', count: 1 }]);
    expect(windows.every((w) => w.source === 'listener' && w.contract === 'stock-events' && w.environment === 'dev' && w.version === '1.0.0')).toBe(true);
    // The registry has the windows: the listener's reporter sent them before it exited.
    const { body: traffic } = await server.json<{ totals: Record<string, number> }>('GET', '/api/v1/contracts/stock-events/traffic?env=dev');
    expect(traffic.totals).toMatchObject({ requests: 2, violations: 1, undocumented: 1 });
  }, 60_000);

  it('says so when no version is deployed in the environment', async () => {
    const run = await runAccord(['listen', '--contract', 'stock-events', '--env', 'prod'], { server: server.url });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('stock-events has no deployment in prod');
  }, 60_000);
});
