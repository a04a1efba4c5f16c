import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcessRun, RunProcessOptions } from './run-process.js';

export interface ProcessRunWithPeakMemory extends ProcessRun {
  /** Peak resident set size of the node process (ru_maxrss), or undefined without GNU time. */
  peakRssBytes: number | undefined;
  /** User plus system CPU time of the node process, from the same rusage; undefined without GNU time. */
  cpuMs: number | undefined;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Like `runProcess`, and also reads the process's peak RSS from GNU time (`-f %M`), which takes it
 * from wait4's rusage when the process exits: the same OS high-water mark for a script of our own
 * and for a peer's CLI, without changing either, and its CPU time, which a loaded machine
 * stretches far less than wall time. Without /usr/bin/time both are undefined.
 */
export async function runProcessWithPeakMemory({ args, cwd, timeoutMs = 60_000, env: extra = {} }: RunProcessOptions): Promise<ProcessRunWithPeakMemory> {
  const withTime = existsSync(GNU_TIME);
  const scratch = withTime ? await mkdtemp(join(tmpdir(), 'accord-bench-time-')) : undefined;
  const report = scratch ? join(scratch, 'rusage') : undefined;
  const [command, argv] = report ? [GNU_TIME, ['-f', '%M %U %S', '-o', report, process.execPath, ...args]] : [process.execPath, args];
  // Plain node: no tsx loader hooks inherited from the bench process.
  const { NODE_OPTIONS: _options, ...env } = process.env;
  try {
    const started = performance.now();
    // Its own process group, so a timeout kills node too and not only GNU time above it.
    const child = spawn(command, argv, { cwd, env: { ...env, SCARF_ANALYTICS: 'false', ...extra }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => void stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => void stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (c, s) => resolve([c, s]));
    }).finally(() => clearTimeout(timer));
    const ms = performance.now() - started;
    // GNU time writes "Command exited with non-zero status N" before the figure when node exits non-zero.
    const [kilobytes, user, system] = report && !timedOut ? (await readFile(report, 'utf8')).trim().split('\n').pop()!.split(' ').map(Number) : [];
    return {
      ms,
      code: exitCode,
      signal,
      timedOut,
      stdout: Buffer.concat(stdout).toString('utf8'),
      stderr: Buffer.concat(stderr).toString('utf8'),
      peakRssBytes: Number.isFinite(kilobytes) ? kilobytes! * 1024 : undefined,
      cpuMs: Number.isFinite(user) && Number.isFinite(system) ? Math.round((user! + system!) * 1000) : undefined,
    };
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}
