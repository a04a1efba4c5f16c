import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { DatabaseLocation } from '../db/index.js';
import { packageRoot } from '../shared/index.js';
import { testAuthEnv } from './test-credentials.js';

/** One line of the server's JSON log. */
export type LogEntry = { level: number; msg?: string } & Record<string, unknown>;

/** `accord serve` running as its own process, from the moment it was started. */
export interface AccordProcess {
  process: ChildProcess;
  /** Every log line written so far, parsed; `output` holds stdout and stderr verbatim. */
  logs: LogEntry[];
  output: () => string;
  /** The server's URL once it logs that it is ready; rejects should it exit before. */
  ready: Promise<string>;
  /** SIGTERM, as an operator stopping it would send. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown, no chance to finish anything. */
  kill(): Promise<void>;
}

export interface SpawnedServer extends AccordProcess {
  url: string;
}

/**
 * Starts `accord serve` without waiting for it: for tests that watch it start, or kill it.
 * `port` 0 lets the system choose; the URL is then known only once it is ready.
 */
export function launchAccordServer({ location, port = 0, seed = false, env = {} }: { location: DatabaseLocation; port?: number; seed?: boolean; env?: Record<string, string> }): AccordProcess {
  const where = 'url' in location ? ['--database-url', location.url] : ['--data-dir', location.dataDir];
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './server/test-support/exit-with-parent.ts', 'server/cli/accord.ts', 'serve', '--host', '127.0.0.1', '--port', String(port), ...where, ...(seed ? [] : ['--no-seed'])], {
    cwd: packageRoot(),
    env: { ...process.env, LOG_LEVEL: 'info', SCARF_ANALYTICS: 'false', ACCORD_WARM_WORKERS: 'false', ...testAuthEnv, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const logs: LogEntry[] = [];
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output += line + '\n';
      let entry: LogEntry;
      try {
        entry = JSON.parse(line) as LogEntry;
      } catch {
        // A line cut short by SIGKILL, or something other than the logger writing.
        return;
      }
      logs.push(entry);
      if (entry.msg === 'Accord is ready') resolve(entry.url as string);
    });
    child.once('exit', (code, signal) => reject(new Error(`accord serve exited with ${code ?? signal} before it was ready: ${output}`)));
  });
  // Whoever does not wait for it must not see an unhandled rejection when the process is killed.
  ready.catch(() => {});
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { process: child, logs, output: () => output, ready, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') };
}

/**
 * Runs `accord serve` as its own process, as an operator would, and resolves once it logs that it
 * is ready. Used where one process is not enough: several instances sharing one PostgreSQL, or a
 * process to kill.
 */
export async function spawnAccordServer({ databaseUrl, location = { url: databaseUrl! }, env = {} }: { databaseUrl?: string; location?: DatabaseLocation; env?: Record<string, string> }): Promise<SpawnedServer> {
  const launched = launchAccordServer({ location, env });
  return { ...launched, url: await launched.ready };
}
