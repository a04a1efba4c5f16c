import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../test-support/free-port.js';
import { createTrafficRecorder, createWindowReporter, spooledWindowCount } from './index.js';
import { startWindowSink } from './__fixtures__/window-sink.js';
import type { TrafficWindow } from '../shared/index.js';

let spoolDir: string;
beforeEach(async () => {
  spoolDir = await mkdtemp(join(tmpdir(), 'accord-spool-'));
});
afterEach(async () => {
  await rm(spoolDir, { recursive: true, force: true });
});

function windows(count: number): TrafficWindow[] {
  const out: TrafficWindow[] = [];
  let clock = 1_700_000_000_000;
  const recorder = createTrafficRecorder({ contract: 'inventory-stock-api', environment: 'dev', version: '1.1.0', source: 'proxy', onWindow: (w) => out.push(w), now: () => clock });
  for (let i = 0; i < count; i++) {
    recorder.observe({ operation: 'GET /stock/{sku}', consumer: 'pos', status: 200, latencyMs: 5 });
    clock += 200;
    recorder.flush();
  }
  return out;
}

const quiet = { warn: () => undefined, retryBaseMs: 20, retryMaxMs: 100 };

describe('createWindowReporter', () => {
  it('sends windows to the registry and empties the spool', async () => {
    const sink = await startWindowSink();
    const reporter = createWindowReporter({ registryUrl: sink.url, spoolDir, ...quiet });
    for (const window of windows(3)) await reporter.report(window);
    await reporter.drain();
    expect([...sink.windows.keys()].sort()).toHaveLength(3);
    expect(await spooledWindowCount(spoolDir)).toBe(0);
    expect(reporter.stats()).toMatchObject({ sent: 3, duplicates: 0, dropped: 0 });
    await reporter.close();
    await sink.close();
  });

  it('loses nothing and counts nothing twice while the registry is down and after it returns', async () => {
    const port = await freePort();
    const warnings: string[] = [];
    const reporter = createWindowReporter({ registryUrl: `http://127.0.0.1:${port}`, spoolDir, ...quiet, warn: (m) => warnings.push(m) });
    const sent = windows(12);
    for (const window of sent.slice(0, 7)) await reporter.report(window);
    await reporter.drain();
    expect(await spooledWindowCount(spoolDir)).toBe(7);
    expect(warnings.join('\n')).toContain('windows wait in');

    const sink = await startWindowSink({ port });
    for (const window of sent.slice(7)) await reporter.report(window);
    await expect.poll(() => sink.windows.size, { timeout: 10_000 }).toBe(12);
    await reporter.drain();
    expect([...sink.windows.keys()].sort()).toEqual(sent.map((w) => w.id).sort());
    expect(await spooledWindowCount(spoolDir)).toBe(0);
    expect(reporter.stats()).toMatchObject({ sent: 12, duplicates: 0 });
    await reporter.close();
    await sink.close();
  });

  it('sends after a restart what an earlier reporter left in the spool, once', async () => {
    const port = await freePort();
    const first = createWindowReporter({ registryUrl: `http://127.0.0.1:${port}`, spoolDir, ...quiet });
    const sent = windows(4);
    for (const window of sent) await first.report(window);
    await first.close();
    expect(await spooledWindowCount(spoolDir)).toBe(4);

    const sink = await startWindowSink({ port });
    // The registry already had one of them: its answer came back too late for the first reporter.
    sink.windows.set(sent[0]!.id, sent[0]!);
    const second = createWindowReporter({ registryUrl: sink.url, spoolDir, ...quiet });
    await expect.poll(() => sink.windows.size, { timeout: 10_000 }).toBe(4);
    await second.drain();
    expect(await spooledWindowCount(spoolDir)).toBe(0);
    expect(second.stats()).toMatchObject({ sent: 3, duplicates: 1 });
    await second.close();
    await sink.close();
  });

  it('keeps the spool bounded, dropping the oldest windows with a warning', async () => {
    const port = await freePort();
    const warnings: string[] = [];
    const reporter = createWindowReporter({ registryUrl: `http://127.0.0.1:${port}`, spoolDir, maxSpooledWindows: 3, ...quiet, retryBaseMs: 60_000, warn: (m) => warnings.push(m) });
    const sent = windows(5);
    for (const window of sent) await reporter.report(window);
    expect(await spooledWindowCount(spoolDir)).toBe(3);
    expect(reporter.stats().dropped).toBe(2);
    expect(warnings.filter((m) => m.includes('is full'))).toHaveLength(1);
    const left = (await readdir(spoolDir)).filter((n) => n.endsWith('.window.json'));
    expect(left.map((n) => sent.findIndex((w) => n.includes(w.id))).sort()).toEqual([2, 3, 4]);
    await reporter.close();
  });

  it('sets aside a window the registry refuses as invalid, and sends the others of its batch', async () => {
    const sent = windows(3);
    const sink = await startWindowSink({ answer: (w) => (w.id === sent[1]!.id ? 422 : undefined) });
    const warnings: string[] = [];
    const reporter = createWindowReporter({ registryUrl: sink.url, spoolDir, ...quiet, warn: (m) => warnings.push(m) });
    await reporter.close();
    for (const window of sent) await reporter.report(window);
    await reporter.drain();
    expect([...sink.windows.keys()].sort()).toEqual([sent[0]!.id, sent[2]!.id].sort());
    expect(await readdir(join(spoolDir, 'rejected'))).toHaveLength(1);
    expect(warnings.join('\n')).toContain(`refused window ${sent[1]!.id}`);
    await sink.close();
  });
});
