import { spawn } from 'node:child_process';
import { pinnedCommand } from './pinned-command.js';

export interface RunProcessOptions {
  /** Arguments to `node`: a script and its arguments. */
  args: string[];
  /** The one CPU the process may run on (see `pinnedCommand`). */
  cpu?: number;
  cwd: string;
  timeoutMs?: number;
  /** Added to the environment the child inherits. */
  env?: Record<string, string>;
}

export interface ProcessRun {
  ms: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node <args>` to exit and times it from spawn; a run past the timeout is killed (SIGKILL)
 * and reported as timed out rather than thrown, because a tool that never finishes is a result.
 */
export async function runProcess({ args, cwd, cpu, timeoutMs = 60_000, env: extra = {} }: RunProcessOptions): Promise<ProcessRun> {
  // Plain node: no tsx loader hooks inherited from the bench process.
  const { NODE_OPTIONS: _options, ...env } = process.env;
  const started = performance.now();
  const pinned = pinnedCommand(cpu, args);
  const child = spawn(pinned.command, pinned.args, { cwd, env: { ...env, SCARF_ANALYTICS: 'false', ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => void stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => void stderr.push(chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c, s) => resolve([c, s]));
  }).finally(() => clearTimeout(timer));
  return { ms: performance.now() - started, code, signal, timedOut, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
}
