import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { loadServerConfig } from '../server/config.js';
import { startServer } from '../server/main.js';
import type { BenchmarkReport, TargetResult } from './benchmark-report.js';
import { ensureBuild } from './ensure-build.js';
import { formatMs } from './format-ms.js';
import { median } from './median.js';

export interface ColdStartBenchOptions {
  projectRoot: string;
  runs?: number;
  maxReadyMs?: number;
  /** A start that takes longer than this is a failure, not a slow sample. */
  startTimeoutMs?: number;
}

interface ServeSample {
  readyLogMs: number;
  readyzMs: number;
  /** startServer's own measure, logged with "Accord is ready": database open, migrations, listen. */
  startServerMs: number;
}

/**
 * Cold start of the built CLI on an existing, seeded PGlite data directory: spawn → the "Accord is
 * ready" log line → a 200 from /readyz, next to the floor of starting node at all and of loading
 * Accord's module graph (`accord --help`), and next to the same start from the unbundled tsc output.
 */
export async function coldStartBench({ projectRoot, runs = 5, maxReadyMs = 2000, startTimeoutMs = 30_000 }: ColdStartBenchOptions): Promise<BenchmarkReport> {
  // What `bin/accord.js` and `npm start` run, and the tsc output it is bundled from.
  const build = await ensureBuild({ projectRoot });
  if (!build.cli) throw new Error(build.note);
  const cli = build.cli;
  const unbundled = join(projectRoot, 'dist', 'server', 'cli', 'accord.js');
  const notes: string[] = [build.note];

  const dataDir = await mkdtemp(join(tmpdir(), 'accord-bench-cold-start-'));
  try {
    // An existing installation: migrated and seeded with the example contracts once, then closed.
    const seeded = await startServer(loadServerConfig({ PORT: '0', HOST: '127.0.0.1', ACCORD_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    await seeded.close();

    const nodeMs: number[] = [];
    const helpMs: number[] = [];
    const steps: StartupSteps[] = [];
    const samples: ServeSample[] = [];
    const unbundledSamples: ServeSample[] = [];
    for (let i = 0; i < runs; i++) {
      nodeMs.push((await timeProcess(['-e', '0'], projectRoot)).ms);
      helpMs.push((await timeProcess([cli, '--help'], projectRoot)).ms);
      steps.push(await timeStartupSteps({ projectRoot, dataDir }));
      samples.push(await serveOnce({ cli, dataDir, cwd: projectRoot, timeoutMs: startTimeoutMs }));
      unbundledSamples.push(await serveOnce({ cli: unbundled, dataDir, cwd: projectRoot, timeoutMs: startTimeoutMs }));
    }

    const readyz = median(samples.map((s) => s.readyzMs));
    const cells = (values: number[]) => [formatMs(median(values)), formatMs(Math.min(...values)), formatMs(Math.max(...values))];
    const ratio = (values: number[]) => (median(values) / median(nodeMs)).toFixed(1);
    const floor = median(nodeMs);
    const targets: TargetResult[] = [
      { target: `cold start to /readyz ≤ ${formatMs(maxReadyMs)}`, measured: `${formatMs(readyz)} (${(readyz / floor).toFixed(1)}× the floor of spawning node, ${formatMs(floor)})`, pass: readyz <= maxReadyMs },
    ];
    return {
      name: 'cold-start',
      tables: [
        {
          title: `Cold start on an existing PGlite data directory (${runs} runs)`,
          columns: ['measurement', 'median', 'min', 'max', '÷ floor (node -e 0)', 'target'],
          rows: [
            ['floor: spawn `node -e 0` → exit', ...cells(nodeMs), '1.0', ''],
            ['floor: spawn `accord --help` → exit (loads the module graph)', ...cells(helpMs), ratio(helpMs), ''],
            ['spawn `accord serve` → "Accord is ready" log line', ...cells(samples.map((s) => s.readyLogMs)), ratio(samples.map((s) => s.readyLogMs)), ''],
            ['  of which startServer (its logged `ms`)', ...cells(samples.map((s) => s.startServerMs)), '', ''],
            ['  step alone: openDatabase (PGlite.create on the directory)', ...cells(steps.map((s) => s.openMs)), '', ''],
            ['  step alone: migrate() with nothing pending', ...cells(steps.map((s) => s.migrateMs)), '', ''],
            ['  not on the start path any more: read + parse specs/accord-api.yaml (done on the first GET /api/v1/openapi.json)', ...cells(steps.map((s) => s.apiYamlMs)), '', ''],
            ['  alongside: spec worker pool, first document parsed', ...cells(steps.map((s) => s.workerMs)), '', ''],
            ['spawn `accord serve` → GET /readyz 200', ...cells(samples.map((s) => s.readyzMs)), ratio(samples.map((s) => s.readyzMs)), `≤ ${formatMs(maxReadyMs)}`],
            ['  the same from the unbundled tsc output (dist/server/cli/accord.js)', ...cells(unbundledSamples.map((s) => s.readyzMs)), ratio(unbundledSamples.map((s) => s.readyzMs)), ''],
          ],
          notes: [
            '`node dist/bundle/accord.js serve --port 0 --data-dir <seeded dir>` (what bin/accord.js and npm start run) with LOG_LEVEL=info; the unbundled row starts dist/server/cli/accord.js the same way, alternating with it run by run. "÷ floor" is the ratio of medians to spawning `node -e 0` in the same runs.',
            'Each run is a new process on the same data directory, stopped with SIGTERM (a clean PGlite shutdown) before the next one.',
            '"step alone" rows: each step of startServer timed by itself in one fresh node process per run (after its imports). The worker pool is not awaited by startServer; its thread starts during the other steps and competes with them for the cores.',
            ...notes,
          ],
        },
      ],
      targets,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // Plain node: no loader hooks inherited from tsx, and PGlite rather than any DATABASE_URL around.
  const { NODE_OPTIONS: _options, DATABASE_URL: _url, ...env } = process.env;
  return { ...env, SCARF_ANALYTICS: 'false', ...extra };
}

async function timeProcess(args: string[], cwd: string): Promise<{ ms: number; code: number | null; output: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('exit', resolve));
  return { ms: performance.now() - started, code, output };
}

interface StartupSteps {
  openMs: number;
  migrateMs: number;
  apiYamlMs: number;
  workerMs: number;
}

// Each step of startServer that costs more than a few milliseconds, timed alone in a fresh process
// (after its imports), so WebAssembly compilation, file opening and JIT warm-up are as cold as in a start.
const STARTUP_STEPS = `
const [dist, dataDir, apiYaml] = process.argv.slice(1);
const { openDatabase } = await import(dist + 'server/db/index.js');
const { createWorkers } = await import(dist + 'server/workers/index.js');
const { parse } = await import('yaml');
const { readFile } = await import('node:fs/promises');
const t0 = performance.now();
const database = await openDatabase({ dataDir });
const t1 = performance.now();
await database.migrate();
const t2 = performance.now();
await database.close();
const t3 = performance.now();
parse(await readFile(apiYaml, 'utf8'));
const t4 = performance.now();
const workers = createWorkers();
await workers.specs.load('{"openapi":"3.0.3","info":{"title":"empty","version":"1"},"paths":{}}', { caller: 'bench' });
const t5 = performance.now();
await workers.close();
console.log(JSON.stringify({ openMs: t1 - t0, migrateMs: t2 - t1, apiYamlMs: t4 - t3, workerMs: t5 - t4 }));
`;

async function timeStartupSteps({ projectRoot, dataDir }: { projectRoot: string; dataDir: string }): Promise<StartupSteps> {
  const dist = pathToFileURL(join(projectRoot, 'dist')).href + '/';
  const args = ['--input-type=module', '-e', STARTUP_STEPS, dist, dataDir, join(projectRoot, 'specs', 'accord-api.yaml')];
  const { code, output } = await timeProcess(args, projectRoot);
  if (code !== 0) throw new Error(`timing the start-up steps failed: ${output.slice(0, 1000)}`);
  return JSON.parse(output.trim().split('\n').pop()!) as StartupSteps;
}

async function serveOnce({ cli, dataDir, cwd, timeoutMs }: { cli: string; dataDir: string; cwd: string; timeoutMs: number }): Promise<ServeSample> {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], {
    cwd,
    env: childEnv({ LOG_LEVEL: 'info' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  try {
    const ready = await new Promise<{ at: number; url: string; ms: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "Accord is ready" within ${timeoutMs} ms; stderr: ${stderr.slice(0, 1000)}`)), timeoutMs);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`accord serve exited with ${code} before it was ready; stderr: ${stderr.slice(0, 1000)}`));
      });
      createInterface({ input: child.stdout }).on('line', (line) => {
        let entry: { msg?: string; url?: string; ms?: number };
        try {
          entry = JSON.parse(line) as typeof entry;
        } catch {
          return;
        }
        if (entry.msg === 'Accord is ready' && entry.url) {
          clearTimeout(timer);
          resolve({ at: performance.now(), url: entry.url, ms: entry.ms ?? Number.NaN });
        }
      });
    });
    const response = await fetch(`${ready.url}/readyz`);
    await response.text();
    if (response.status !== 200) throw new Error(`/readyz answered ${response.status}`);
    return { readyLogMs: ready.at - started, readyzMs: performance.now() - started, startServerMs: ready.ms };
  } finally {
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }
}
