import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadServerConfig } from '../server/config.js';
import { startServer } from '../server/main.js';
import { hostileCases } from '../server/spec/__fixtures__/hostile/corpus.js';
import type { BenchmarkReport } from './benchmark-report.js';
import { formatMs } from './format-ms.js';
import { median } from './median.js';
import { percentile } from './percentile.js';
import { benchAuthEnv, benchAuthHeader } from './bench-credentials.js';

const MAX_ANSWER_MS = 2_000;

/**
 * How long a client waits for Accord's answer to each hostile document, published as raw bytes
 * through a real server: every refusal must come back within 2 s. The floor is the same server
 * answering a small valid publish.
 */
export async function hostileBench(): Promise<BenchmarkReport> {
  const dir = await mkdtemp(join(tmpdir(), 'accord-bench-hostile-'));
  const server = await startServer(loadServerConfig({ PORT: '0', HOST: '127.0.0.1', ACCORD_DATA_DIR: dir, ACCORD_SEED: 'false', LOG_LEVEL: 'silent', ...benchAuthEnv }));
  try {
    const post = (path: string, body: unknown) =>
      fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...benchAuthHeader }, body: JSON.stringify(body) }).then((r) => r.text());
    await post('/api/v1/teams', { slug: 'red', name: 'Red team' });
    await post('/api/v1/systems', { slug: 'attacker', name: 'Attacker', team: 'red', domain: 'security' });
    const timings: { name: string; status: number; ms: number }[] = [];
    for (const [i, c] of hostileCases.entries()) {
      await post('/api/v1/contracts', { slug: `h-${i}`, name: c.name, system: 'attacker' });
      const body = c.body();
      const started = performance.now();
      const res = await fetch(`${server.url}/api/v1/contracts/h-${i}/versions?version=1.0.0`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...benchAuthHeader }, body: new Uint8Array(body) });
      await res.text();
      timings.push({ name: c.name, status: res.status, ms: performance.now() - started });
    }
    const refused = timings.filter((t) => t.status >= 400);
    const accepted = timings.filter((t) => t.status < 300);
    const slowest = [...refused].sort((a, b) => b.ms - a.ms).slice(0, 5);
    const worst = slowest[0]?.ms ?? 0;
    const ms = (list: typeof timings) => list.map((t) => t.ms);
    return {
      name: 'hostile',
      tables: [
        {
          title: `Hostile corpus through the REST API (${timings.length} documents, one at a time)`,
          columns: ['answers', 'count', 'median', 'p95', 'max'],
          rows: [
            ['refused (4xx)', String(refused.length), formatMs(median(ms(refused))), formatMs(percentile(ms(refused), 95)), formatMs(worst)],
            ['accepted (201), the floor', String(accepted.length), formatMs(median(ms(accepted))), formatMs(percentile(ms(accepted), 95)), formatMs(Math.max(...ms(accepted)))],
          ],
          notes: [`Slowest refusals: ${slowest.map((t) => `${t.name} ${formatMs(t.ms)}`).join(', ')}.`, 'Times include sending the body over loopback (up to 50 MB).'],
        },
      ],
      targets: [{ target: `every hostile document refused within ${formatMs(MAX_ANSWER_MS)}`, measured: `max ${formatMs(worst)}`, pass: worst <= MAX_ANSWER_MS }],
    };
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
