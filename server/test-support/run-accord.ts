import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { TEST_ADMIN_TOKEN } from './test-credentials.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface AccordRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `accord` command line (bundled from the sources for this run, see `bundleCli`) as a
 * child process, the way a user or a CI job would, against the Accord server at `server`. Resolves
 * with the exit code and both outputs whatever the code is.
 */
export function runAccord(args: string[], { server, token = TEST_ADMIN_TOKEN, env: extra = {}, input }: { server: string; token?: string | null; env?: Record<string, string>; input?: string }): Promise<AccordRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ACCORD_URL: server, SCARF_ANALYTICS: 'false' };
  delete env.ACCORD_TOKEN;
  if (token !== null) env.ACCORD_TOKEN = token;
  Object.assign(env, extra);
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [inject('cliEntry'), ...args], { cwd: projectRoot, env, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
    child.stdin?.end(input ?? '');
  });
}

/** The URL of a port on 127.0.0.1 that nothing listens on any more. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
