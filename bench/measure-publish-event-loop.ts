import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadServerConfig } from '../server/config.js';
import { startServer } from '../server/main.js';
import { benchAuthEnv, benchAuthHeader } from './bench-credentials.js';

export interface PublishEventLoop {
  p99Ms: number;
  maxMs: number;
  publishMs: number;
  status: number;
  policyFindings: number;
}

/**
 * Publishes one document to a real server in this process and records the event loop's delay
 * meanwhile: parsing, the compatibility check and lint run in the worker pool, so what the loop
 * still carries is the body, the database and the answer. A draft contract, so policy errors are
 * reported rather than refusing the version before it is stored.
 */
export async function measurePublishEventLoop(document: string): Promise<PublishEventLoop> {
  const dataDir = await mkdtemp(join(tmpdir(), 'accord-bench-event-loop-'));
  const server = await startServer(loadServerConfig({ PORT: '0', HOST: '127.0.0.1', ACCORD_SEED: 'false', LOG_LEVEL: 'silent', ...benchAuthEnv, ACCORD_DATA_DIR: dataDir, ACCORD_PARSE_TIMEOUT_MS: '60000' }));
  try {
    const post = (path: string, body: object) => fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...benchAuthHeader }, body: JSON.stringify(body) });
    await post('/teams', { slug: 'bench', name: 'Benchmarks' });
    await post('/systems', { slug: 'bench-system', name: 'Bench system', team: 'bench', domain: 'bench' });
    await post('/contracts', { slug: 'large', name: 'Large', system: 'bench-system' });
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    const started = performance.now();
    const response = await fetch(`${server.url}/api/v1/contracts/large/versions?version=1.0.0`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...benchAuthHeader }, body: document });
    const body = (await response.json()) as { findings?: { source?: string }[] };
    const publishMs = performance.now() - started;
    histogram.disable();
    return {
      p99Ms: histogram.percentile(99) / 1e6,
      maxMs: histogram.max / 1e6,
      publishMs,
      status: response.status,
      policyFindings: (body.findings ?? []).filter((f) => f.source === 'policy').length,
    };
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
