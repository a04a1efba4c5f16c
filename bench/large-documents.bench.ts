import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { stringify as stringifyYaml } from 'yaml';
import { BENCH_ADMIN_TOKEN, benchAuthEnv, benchAuthHeader } from './bench-credentials.js';
import type { BenchmarkReport, TargetResult } from './benchmark-report.js';
import { ensureBuild } from './ensure-build.js';
import { formatBytes } from './format-bytes.js';
import { formatMs } from './format-ms.js';
import { generateLargeOpenApi } from './generate-large-openapi.js';
import { median } from './median.js';
import { runProcessWithPeakMemory, type ProcessRunWithPeakMemory } from './run-process-with-peak-memory.js';

export interface LargeDocumentsBenchOptions {
  projectRoot: string;
  runs?: number;
  /** Each document is generated until its text is at least this large. */
  documentBytes?: number;
  maxCommandMs?: number;
  maxServerGrowthBytes?: number;
  /** CLI peak RSS over the bare parse of the same file in a process of its own. */
  maxCliOverFloor?: number;
}

interface Format {
  name: 'JSON' | 'YAML';
  base: string;
  candidate: string;
  bytes: number;
}

interface Sample {
  /** Why the command failed (its first line of output), e.g. the server's time budget for parsing. */
  failure?: string;
  ms: number;
  cliPeakBytes: number;
  serverGrowthBytes: number;
  /** CPU time of the CLI process and of the server process (all its threads) during the step. */
  cliCpuMs: number;
  serverCpuMs: number;
}

const STEPS = ['publish 1.0.0 (first version)', 'check 1.1.0 against 1.0.0', 'publish 1.1.0 (checked against 1.0.0)', 'diff 1.0.0 → 1.1.0 offline'] as const;

/**
 * Publishing and checking a ~9 MB contract, as a user does it: the built `accord` CLI against a
 * real `accord serve` on PGlite, each in its own process, so the CLI's peak RSS and the server's
 * rise in RSS are read apart. The floor is a bare node process that reads and parses the same file.
 */
export async function largeDocumentsBench({
  projectRoot,
  runs = 3,
  documentBytes = 9_000_000,
  maxCommandMs = 6000,
  maxServerGrowthBytes = 512 * 2 ** 20,
  maxCliOverFloor = 3,
}: LargeDocumentsBenchOptions): Promise<BenchmarkReport> {
  const build = await ensureBuild({ projectRoot });
  if (!build.cli) throw new Error(build.note);
  const cli = build.cli;
  const scratch = await mkdtemp(join(tmpdir(), 'accord-bench-large-'));
  try {
    const formats = writeDocuments(scratch, documentBytes);
    const server = await startAccord({ cli, dataDir: join(scratch, 'data'), cwd: projectRoot });
    const rows: string[][] = [];
    const targets: TargetResult[] = [];
    try {
      await post(server.url, '/teams', { slug: 'bench', name: 'Benchmarks' });
      await post(server.url, '/systems', { slug: 'bench-system', name: 'Bench system', team: 'bench', domain: 'bench' });
      for (const format of formats) {
        const floor = await measureFloor(format, projectRoot, runs);
        const samples: Sample[][] = STEPS.map(() => []);
        for (let run = 0; run < runs; run++) {
          const contract = `large-${format.name.toLowerCase()}-${run}`;
          await post(server.url, '/contracts', { slug: contract, name: `Large ${format.name} ${run}`, system: 'bench-system' });
          const accord = (args: string[]) => measureCommand({ server, cli, cwd: projectRoot, args });
          const registry = ['--contract', contract, '--server', server.url];
          const steps = [
            ['publish', format.base, '--version', '1.0.0', ...registry],
            ['check', format.candidate, '--version', '1.1.0', ...registry],
            ['publish', format.candidate, '--version', '1.1.0', ...registry],
            // The two files alone, as a pull request's CI compares them: the server only looks on.
            ['diff', format.base, format.candidate],
          ];
          for (const [i, step] of steps.entries()) {
            const sample = await accord(step);
            samples[i]!.push(sample);
            // A run of several minutes says where it is.
            console.error(`  ${format.name} run ${run + 1}: ${STEPS[i]} ${formatMs(sample.ms)} (CPU: CLI ${formatMs(sample.cliCpuMs)}, server ${formatMs(sample.serverCpuMs)}), CLI ${formatBytes(sample.cliPeakBytes)}, server +${formatBytes(sample.serverGrowthBytes)}${sample.failure ? `, failed: ${sample.failure}` : ''}`);
            // The later steps build on this one.
            if (sample.failure) break;
          }
        }
        rows.push([`${format.name} ${formatBytes(format.bytes)}`, `floor: read + ${format.name === 'JSON' ? 'JSON.parse' : 'yaml.parse'} in a bare node process`, formatMs(floor.ms), '1.0×', formatMs(floor.cpuMs), formatBytes(floor.peakBytes), '—', '']);
        STEPS.forEach((step, i) => {
          const done = samples[i]!.filter((s) => !s.failure);
          const failures = samples[i]!.filter((s) => s.failure);
          // A failed command is a result too: it is reported, and the medians are of the runs that finished.
          const failed = failures.length > 0 ? ` (${failures.length} of ${samples[i]!.length} failed: ${failures[0]!.failure})` : '';
          const ms = done.length > 0 ? median(done.map((s) => s.ms)) : Number.NaN;
          const cliPeak = median(samples[i]!.map((s) => s.cliPeakBytes));
          const growth = median(samples[i]!.map((s) => s.serverGrowthBytes));
          const cpu = `${formatMs(median(done.map((s) => s.cliCpuMs)))} + ${formatMs(median(done.map((s) => s.serverCpuMs)))}`;
          rows.push(['', `accord ${step}${failed}`, formatMs(ms), `${(ms / floor.ms).toFixed(1)}×`, cpu, `${formatBytes(cliPeak)} (${(cliPeak / floor.peakBytes).toFixed(1)}× floor)`, formatBytes(growth), `≤ ${formatMs(maxCommandMs)}`]);
          const what = `${format.name} ${formatBytes(format.bytes)}: accord ${step}`;
          targets.push({ target: `${what} ≤ ${formatMs(maxCommandMs)}`, measured: formatMs(ms) + failed, pass: failures.length === 0 && ms <= maxCommandMs });
          targets.push({ target: `${what}: server growth ≤ ${formatBytes(maxServerGrowthBytes)}`, measured: formatBytes(growth), pass: growth <= maxServerGrowthBytes });
          targets.push({ target: `${what}: CLI peak RSS ≤ ${maxCliOverFloor}× the bare parse`, measured: `${formatBytes(cliPeak)} (${(cliPeak / floor.peakBytes).toFixed(1)}×)`, pass: cliPeak <= maxCliOverFloor * floor.peakBytes });
        });
      }
      rows.push(['', 'server RSS after every run', formatBytes(residentBytes(server.child.pid!).rss), '', '', '', '', '']);
    } finally {
      await server.stop();
    }
    return {
      name: 'large-documents',
      tables: [
        {
          title: `Large documents: publish and check of ~${formatBytes(documentBytes)} through the CLI and a real server on PGlite`,
          columns: ['document', 'step', 'wall (median)', 'vs floor', 'CPU: CLI + server', 'CLI peak RSS', 'server peak RSS growth', 'target'],
          rows,
          notes: [
            `Medians of ${runs} runs, each on a fresh contract. Documents: generate-large-openapi.ts (seed 1), pretty-printed JSON and YAML of the same generator; the 1.1.0 candidate adds one path, so the check, the second publish and the offline diff compare two ~9 MB documents and find them compatible.`,
            'Wall: spawn of `node dist/server/cli/accord.js <step> … --server` to its exit (module loading, reading and bundling the file, upload, the server\'s work, the report). CLI peak RSS: GNU time\'s maxRSS of that process.',
            'CPU: user + system time of the CLI (GNU time) and of the server process with its worker threads (/proc/<pid>/stat) during the step; on a loaded machine it says what the step costs when wall time mostly says how long it waited for a core.',
            'Server: `accord serve` in its own process (LOG_LEVEL=info, PGlite data directory). Its peak RSS is reset before each step (/proc/<pid>/clear_refs) and read after it (VmHWM); growth is that peak over its RSS just before the step. Worker threads live in the same process, so their heaps count.',
            'Floor: `node` reading the file and parsing it once (JSON.parse, or `yaml`\'s parse for YAML), timed from spawn and with its maxRSS, in the same run.',
            build.note,
          ],
        },
      ],
      targets,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Grows the generated document until its text reaches the size asked for, in each format. */
function writeDocuments(scratch: string, documentBytes: number): Format[] {
  const formats: Format[] = [];
  for (const [name, render] of [
    ['JSON', (doc: object) => JSON.stringify(doc, null, 2)],
    // The generator shares objects between places; anchors and aliases would make another document.
    ['YAML', (doc: object) => stringifyYaml(doc, { aliasDuplicateObjects: false })],
  ] as const) {
    // The generator stops at 320 resources, so the size grows with the fields of each: two probes
    // give the bytes per field, then the count steps up from that estimate until it is reached.
    const resources = 320;
    const sizeAt = (fieldsPerResource: number) => Buffer.byteLength(render(generateLargeOpenApi({ resources, fieldsPerResource, seed: 1 })));
    const [low, high] = [sizeAt(14), sizeAt(30)];
    let fieldsPerResource = Math.max(1, 14 + Math.floor(((documentBytes - low) * 16) / (high - low)) - 1);
    let text: string;
    let doc: Record<string, unknown>;
    do {
      doc = generateLargeOpenApi({ resources, fieldsPerResource, seed: 1 });
      text = render(doc);
      fieldsPerResource++;
    } while (Buffer.byteLength(text) < documentBytes);
    const candidate = structuredClone(doc) as { paths: Record<string, unknown>; info: { version: string } };
    candidate.paths['/bench-added'] = { get: { operationId: 'benchAdded', responses: { '200': { description: 'added in 1.1.0' } } } };
    const extension = name === 'JSON' ? 'json' : 'yaml';
    const base = join(scratch, `large.${extension}`);
    const next = join(scratch, `large-1.1.${extension}`);
    writeFileSync(base, text);
    writeFileSync(next, render(candidate));
    formats.push({ name, base, candidate: next, bytes: Buffer.byteLength(text) });
  }
  return formats;
}

const FLOOR = `
const [format, file] = process.argv.slice(1);
const text = (await import('node:fs')).readFileSync(file, 'utf8');
const value = format === 'JSON' ? JSON.parse(text) : (await import('yaml')).parse(text, { maxAliasCount: 100 });
if (typeof value !== 'object') process.exit(1);
`;

async function measureFloor(format: Format, cwd: string, runs: number): Promise<{ ms: number; cpuMs: number; peakBytes: number }> {
  const samples: ProcessRunWithPeakMemory[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await runProcessWithPeakMemory({ args: ['--input-type=module', '-e', FLOOR, format.name, format.base], cwd });
    if (run.code !== 0) throw new Error(`the floor parse of ${format.base} failed: ${run.stderr.slice(0, 500)}`);
    samples.push(run);
  }
  return { ms: median(samples.map((s) => s.ms)), cpuMs: median(samples.map((s) => s.cpuMs ?? Number.NaN)), peakBytes: median(samples.map((s) => s.peakRssBytes ?? Number.NaN)) };
}

interface Accord {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startAccord({ cli, dataDir, cwd }: { cli: string; dataDir: string; cwd: string }): Promise<Accord> {
  const { NODE_OPTIONS: _options, DATABASE_URL: _url, ...env } = process.env;
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], {
    cwd,
    env: { ...env, SCARF_ANALYTICS: 'false', LOG_LEVEL: 'info', ACCORD_SEED: 'false', ...benchAuthEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)));
  // PGlite's start takes tens of seconds on a machine as busy as this one gets.
  const readyWithinMs = 240_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`accord serve was not ready within ${readyWithinMs / 1000} s: ${stderr}`)), readyWithinMs);
    child.once('exit', (code) => reject(new Error(`accord serve exited with ${code}: ${stderr}`)));
    // Every log line is read, so the server never blocks on a full pipe.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.includes('Accord is ready')) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });
  return {
    url,
    child,
    async stop() {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

async function measureCommand({ server, cli, cwd, args }: { server: Accord; cli: string; cwd: string; args: string[] }): Promise<Sample> {
  const pid = server.child.pid!;
  // Lets the server settle from the previous step, so its growth is this step's.
  await new Promise((resolve) => setTimeout(resolve, 500));
  // Writing 5 resets the peak (VmHWM) to the current RSS (Linux ≥ 4.0).
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const before = residentBytes(pid).rss;
  const cpuBefore = cpuMsOf(pid);
  const run = await runProcessWithPeakMemory({ args: [cli, ...args], cwd, env: { ACCORD_TOKEN: BENCH_ADMIN_TOKEN }, timeoutMs: 300_000 });
  const after = residentBytes(pid);
  const serverCpuMs = cpuMsOf(pid) - cpuBefore;
  const failure = run.code === 0 ? undefined : `exit ${run.code ?? run.signal}, ${(run.stderr || run.stdout).trim().split('\n')[0]!.slice(0, 200)}`;
  return { ...(failure && { failure }), ms: run.ms, cliPeakBytes: run.peakRssBytes ?? Number.NaN, serverGrowthBytes: after.peak - before, cliCpuMs: run.cpuMs ?? Number.NaN, serverCpuMs };
}

// utime and stime of every thread of the process, in clock ticks of 1/100 s (USER_HZ on Linux).
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function residentBytes(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function post(url: string, path: string, body: object): Promise<void> {
  const response = await fetch(`${url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...benchAuthHeader }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${text.slice(0, 300)}`);
}
