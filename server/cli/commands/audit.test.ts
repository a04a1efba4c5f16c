import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { changeRegistry } from '../../audit/__fixtures__/change-registry.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { closedPortUrl, runAccord } from '../__fixtures__/run-accord.js';

let server: TestServer;
const accord = (...args: string[]) => runAccord(args, { server: server.url });

beforeAll(async () => {
  server = await startTestServer();
  await changeRegistry(server, { versions: 3 });
});
afterAll(() => server?.close());

describe('accord audit', () => {
  test('ls prints the newest events first as a table', async () => {
    const run = await accord('audit', 'ls', '--limit', '3');
    expect(run.code).toBe(0);
    const [header, ...rows] = run.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^SEQ\s+AT\s+ACTOR\s+ACTION\s+TARGET\s+SUMMARY$/);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^\d+\s+\S+Z\s+\S+\s+environment\.created\s+environment:prod\s+\{"name":"Production"\}$/);
    expect(run.stderr).toContain('(more events: use --all or --limit)');
  });

  test('ls --target type:id --format json lists the events of one target', async () => {
    const run = await accord('audit', 'ls', '--target', 'contract:ledger-api', '--action', 'version.published', '--format', 'json');
    expect(run.code).toBe(0);
    const events = JSON.parse(run.stdout) as { targetId: string; action: string }[];
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.targetId === 'ledger-api' && e.action === 'version.published')).toBe(true);
  });

  test('ls --until a date includes that whole day, --since a later one excludes everything', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const until = JSON.parse((await accord('audit', 'ls', '--until', today, '--all', '--json')).stdout) as unknown[];
    expect(until.length).toBeGreaterThan(0);
    const since = await accord('audit', 'ls', '--since', '2999-01-01', '--json');
    expect(JSON.parse(since.stdout)).toEqual([]);
  });

  test('verify exits 0 on an intact log', async () => {
    const run = await accord('audit', 'verify');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^the audit log is intact: \d+ events/);
  });

  test('says what is wrong with its arguments before asking the server: exit 2', async () => {
    const mistakes = [['audit'], ['audit', 'rewrite'], ['audit', 'ls', '--since', 'yesterday'], ['audit', 'ls', '--target', ':x'], ['audit', 'verify', '--format', 'xml']];
    const runs = await Promise.all(mistakes.map((args) => accord(...args)));
    expect(runs.map((r) => r.code)).toEqual(mistakes.map(() => 2));
  });

  test('exits 1 when the server refuses the caller, 3 when it cannot be reached', async () => {
    const anonymous = await runAccord(['audit', 'verify'], { server: server.url, token: null });
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toMatch(/unauthenticated/);
    const unreachable = await runAccord(['audit', 'verify'], { server: await closedPortUrl() });
    expect(unreachable.code).toBe(3);
  });
});
