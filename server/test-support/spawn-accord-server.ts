import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { packageRoot } from '../shared/index.js';
import { testAuthEnv } from './test-credentials.js';

export interface SpawnedServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Runs `accord serve` as its own process, as an operator would, and resolves once it logs that it
 * is ready. Used where one process is not enough: several instances sharing one PostgreSQL.
 */
export function spawnAccordServer({ databaseUrl, env = {} }: { databaseUrl: string; env?: Record<string, string> }): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/accord.ts', 'serve', '--port', '0', '--database-url', databaseUrl, '--no-seed'], {
    cwd: packageRoot(),
    env: { ...process.env, LOG_LEVEL: 'info', SCARF_ANALYTICS: 'false', ...testAuthEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg !== 'Accord is ready') return;
      resolve({
        url: entry.url!,
        process: child,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`accord serve exited with ${code}: ${stderr}`)));
  });
}
