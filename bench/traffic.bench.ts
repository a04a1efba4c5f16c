import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { BenchmarkReport } from './benchmark-report.js';
import { formatMs } from './format-ms.js';
import { median } from './median.js';
import { pinnedCommand } from './pinned-command.js';
import { runProcess } from './run-process.js';

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
 * service in production; on two cores the upstream and the load generator share the other, so
 * the p99 a proxy adds is its own work and not time it waited for a core they were using.
 */
function cpuPlan(cores: number): { of(role: 'upstream' | 'load' | 'proxy'): number | undefined; describe: string } {
  if (cores < 2) return { of: () => undefined, describe: 'one core: not pinned' };
  const plan = cores === 2 ? { upstream: 0, load: 0, proxy: 1 } : { upstream: 0, load: 1, proxy: 2 };
  return { of: (role) => plan[role], describe: `pinned with taskset where present: upstream on CPU ${plan.upstream}, load generator on CPU ${plan.load}, the proxy measured on CPU ${plan.proxy}` };
}

/**
 * P7: `accord proxy` against the service direct and against a plain node:http + undici Pool
 * pass-through proxy, in one run. Upstream, proxies and load generator are separate processes,
 * so each proxy has its own core as it would in production, and the generator takes no time
 * from the process measured. Throughput comes from closed-loop runs (every connection always
 * busy); the added P99 from open-loop runs at half the pass-through's peak, where queueing does
 * not hide the cost of validation.
 */
export async function trafficBench({ projectRoot, runs = 3, connections = 32, durationMs = 4000, minRatio = 0.7, maxAddedP99Ms = 2 }: TrafficBenchOptions): Promise<BenchmarkReport> {
  const children: ChildProcess[] = [];
  const cpu = cpuPlan(availableParallelism());
  const start = async (...args: string[]) => {
    const pinned = pinnedCommand(cpu.of(args[0] === 'upstream' ? 'upstream' : 'proxy'), ['--import', 'tsx', join('bench', 'traffic-target.ts'), ...args]);
    const child = spawn(pinned.command, pinned.args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    child.once('exit', (code) => code !== null && code !== 0 && console.error(`traffic-target ${args[0]} exited with ${code}`));
    return new Promise<string>((resolve, reject) => {
      child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim().split('\n')[0]!));
      child.once('exit', (code) => reject(new Error(`traffic-target ${args[0]} exited with ${code}`)));
    });
  };
  const load = async (mode: 'closed' | 'open', url: string, amount: number): Promise<Load> => {
    const run = await runProcess({ args: ['--import', 'tsx', join('bench', 'traffic-load.ts'), mode, url + PATH, String(amount), String(durationMs)], cwd: projectRoot, cpu: cpu.of('load'), timeoutMs: durationMs + 60_000 });
    if (run.code !== 0) throw new Error(`load generator failed: ${run.stderr.slice(0, 500)}`);
    return JSON.parse(run.stdout) as Load;
  };
  try {
    const upstream = await start('upstream');
    const targets = { direct: upstream, 'pass-through proxy': await start('passthrough', upstream), 'accord proxy (validating)': await start('proxy', upstream) };
    const names = Object.keys(targets) as (keyof typeof targets)[];
    // Warm-up: JIT, connection pools, validators.
    for (const name of names) await load('closed', targets[name], connections);
    const peak = Object.fromEntries(names.map((n) => [n, [] as Load[]])) as Record<keyof typeof targets, Load[]>;
    for (let i = 0; i < runs; i++) for (const name of names) peak[name].push(await load('closed', targets[name], connections));
    const rps = (name: keyof typeof targets) => median(peak[name].map((l) => l.rps));
    const halfRate = Math.round(rps('pass-through proxy') / 2);
    const half = { 'pass-through proxy': [] as Load[], 'accord proxy (validating)': [] as Load[] };
    for (let i = 0; i < runs; i++) for (const name of ['pass-through proxy', 'accord proxy (validating)'] as const) half[name].push(await load('open', targets[name], halfRate));
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
      name in half ? formatMs(p99(name as keyof typeof half)) : '',
    ]);
    return {
      name: 'traffic',
      tables: [
        {
          title: `P7 accord proxy: GET ${PATH} (median of ${runs} runs of ${durationMs / 1000} s, ${connections} connections; half load ${halfRate} req/s)`,
          columns: ['target', 'req/s', 'vs direct', 'vs pass-through', 'p50 at peak', 'p99 at half load'],
          rows,
          notes: [`errors during the peak runs: ${errors}`, `upstream, each proxy and the load generator run in separate processes, ${cpu.describe}; the validating proxy checks path parameters and the response body against inventory-stock-api 1.1.0 and records windows and metrics`],
        },
      ],
      targets: [
        { target: `P7 validating proxy ≥ ${minRatio}× pass-through throughput`, measured: `${ratio.toFixed(2)}×`, pass: ratio >= minRatio },
        { target: `P7 p99 added ≤ ${maxAddedP99Ms} ms at half load`, measured: `${formatMs(added)} (${formatMs(p99('pass-through proxy'))} → ${formatMs(p99('accord proxy (validating)'))})`, pass: added <= maxAddedP99Ms },
      ],
    };
  } finally {
    for (const child of children) child.kill();
  }
}
