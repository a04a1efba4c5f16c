import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import type { BenchmarkReport } from './benchmark-report.js';
import { formatMs } from './format-ms.js';
import { median } from './median.js';
import { pinnedCommand } from './pinned-command.js';

export interface TrafficBenchOptions {
  projectRoot: string;
  runs?: number;
  connections?: number;
  durationMs?: number;
  /** Validating proxy's throughput at least this share of the pass-through proxy's. */
  minRatio?: number;
  /** P99 the validating proxy adds to the pass-through's at half its peak load, at most. */
  maxAddedP99Ms?: number;
}

interface Load {
  requests: number;
  errors: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

const PATH = '/api/v1/stores/0412/stock/4006381333931';

/**
 * Which CPU each process runs on. The proxy measured gets a core of its own, as it would next to a
 * service in production; the load generator, which also serves the upstream, gets another, so the
 * p99 a proxy adds is its own work and not time it waited for a core they were using.
 */
function cpuPlan(cores: number): { of(role: 'load' | 'proxy'): number | undefined; describe: string } {
  if (cores < 2) return { of: () => undefined, describe: 'one core: not pinned' };
  const plan = { load: 0, proxy: 1 };
  return { of: (role) => plan[role], describe: `pinned with taskset where present: the load generator and the upstream it serves on CPU ${plan.load}, the proxy measured on CPU ${plan.proxy}` };
}

/**
 * P7: `accord proxy` against the service direct and against a plain node:http + undici Pool
 * pass-through proxy, in one run. Each proxy is a process of its own with a core of its own, as
 * it would be in production; the load generator, which serves the upstream too, runs on the
 * other core and takes no time from the process measured. Throughput comes from closed-loop runs (every connection always
 * busy); the added P99 from open-loop runs at half the pass-through's peak, where queueing does
 * not hide the cost of validation.
 */
export async function trafficBench({ projectRoot, runs = 3, connections = 32, durationMs = 4000, minRatio = 0.7, maxAddedP99Ms = 2 }: TrafficBenchOptions): Promise<BenchmarkReport> {
  const children: ChildProcess[] = [];
  // The children run bundled, on plain node as `accord proxy` does: through the tsx loader, each
  // would carry a loader thread whose collections land on the core of the proxy measured.
  const built = join(projectRoot, 'node_modules', '.cache', `accord-bench-traffic-${process.pid}`);
  await build({ entryPoints: [join(projectRoot, 'bench', 'traffic-load.ts'), join(projectRoot, 'bench', 'traffic-target.ts')], outdir: built, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  const cpu = cpuPlan(availableParallelism());
  const spawnPinned = (role: 'load' | 'proxy', script: string, args: string[]) => {
    const pinned = pinnedCommand(cpu.of(role), [join(built, script.replace(/\.ts$/, '.js')), ...args]);
    const child = spawn(pinned.command, pinned.args, { cwd: projectRoot, stdio: ['pipe', 'pipe', 'inherit'] });
    children.push(child);
    child.once('exit', (code) => code !== null && code !== 0 && console.error(`${script} ${args.join(' ')} exited with ${code}`));
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const next = async () => {
      const line = await lines.next();
      if (line.done) throw new Error(`${script} ${args.join(' ')} stopped before it answered`);
      return line.value;
    };
    return { child, next };
  };
  // The first line of each is the URL it serves.
  const generator = spawnPinned('load', 'traffic-load.ts', []);
  const startProxy = async (kind: 'passthrough' | 'proxy', upstream: string) => spawnPinned('proxy', 'traffic-target.ts', [kind, upstream]).next();
  const load = async (mode: 'closed' | 'open', url: string, amount: number): Promise<Load> => {
    generator.child.stdin!.write(`${mode} ${url + PATH} ${amount} ${durationMs}\n`);
    return JSON.parse(await generator.next()) as Load;
  };
  try {
    const upstream = await generator.next();
    const targets = { direct: upstream, 'pass-through proxy': await startProxy('passthrough', upstream), 'accord proxy (validating)': await startProxy('proxy', upstream) };
    const names = Object.keys(targets) as (keyof typeof targets)[];
    // Warm-up: JIT, connection pools, validators.
    for (const name of names) await load('closed', targets[name], connections);
    const peak = Object.fromEntries(names.map((n) => [n, [] as Load[]])) as Record<keyof typeof targets, Load[]>;
    for (let i = 0; i < runs; i++) for (const name of names) peak[name].push(await load('closed', targets[name], connections));
    const rps = (name: keyof typeof targets) => median(peak[name].map((l) => l.rps));
    const halfRate = Math.round(rps('pass-through proxy') / 2);
    // Direct at the same rate is the floor: what the generator and the upstream add by themselves.
    const half = { direct: [] as Load[], 'pass-through proxy': [] as Load[], 'accord proxy (validating)': [] as Load[] };
    for (let i = 0; i < runs; i++) for (const name of names) half[name].push(await load('open', targets[name], halfRate));
    const p99 = (name: keyof typeof half) => median(half[name].map((l) => l.p99Ms));
    const ratio = rps('accord proxy (validating)') / rps('pass-through proxy');
    const added = p99('accord proxy (validating)') - p99('pass-through proxy');
    const errors = names.reduce((sum, n) => sum + peak[n].reduce((s, l) => s + l.errors, 0), 0);
    const rows = names.map((name) => [
      name,
      `${rps(name).toFixed(0)}`,
      `${(rps(name) / rps('direct')).toFixed(2)}×`,
      `${(rps(name) / rps('pass-through proxy')).toFixed(2)}×`,
      formatMs(median(peak[name].map((l) => l.p50Ms))),
      formatMs(p99(name)),
    ]);
    return {
      name: 'traffic',
      tables: [
        {
          title: `P7 accord proxy: GET ${PATH} (median of ${runs} runs of ${durationMs / 1000} s, ${connections} connections; half load ${halfRate} req/s)`,
          columns: ['target', 'req/s', 'vs direct', 'vs pass-through', 'p50 at peak', 'p99 at half load'],
          rows,
          notes: [`errors during the peak runs: ${errors}`, `each proxy and the load generator (which serves the upstream) run as bundled processes of their own on plain node, ${cpu.describe}; p99 at half load is from open-loop runs at that fixed rate, timed from when each request was due; the validating proxy checks path parameters and the response body against inventory-stock-api 1.1.0 and records windows and metrics`],
        },
      ],
      targets: [
        { target: `P7 validating proxy ≥ ${minRatio}× pass-through throughput`, measured: `${ratio.toFixed(2)}×`, pass: ratio >= minRatio },
        { target: `P7 p99 added ≤ ${maxAddedP99Ms} ms at half load`, measured: `${formatMs(added)} (${formatMs(p99('pass-through proxy'))} → ${formatMs(p99('accord proxy (validating)'))})`, pass: added <= maxAddedP99Ms },
      ],
    };
  } finally {
    generator.child.stdin!.end();
    for (const child of children) child.kill();
    await rm(built, { recursive: true, force: true });
  }
}
