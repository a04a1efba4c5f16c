import { loadServerConfig } from '../config.js';
import { startServer, type RunningServer } from '../main.js';
import type { DatabaseLocation } from '../db/index.js';
import type { Clock } from '../shared/index.js';
import { bundledWorkerModule } from './bundled-worker-module.js';
import { createPgliteLocation } from './test-database.js';
import { TEST_ADMIN_TOKEN, testAuthEnv } from './test-credentials.js';

export interface TestServer extends RunningServer {
  /**
   * fetch against the server, relative to its origin, as the administrator unless the request
   * carries its own Authorization or Cookie header.
   */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** A JSON request as the administrator, or with `token` (null: anonymous). */
  json<T = unknown>(method: string, path: string, body?: unknown, options?: { token?: string | null; headers?: Record<string, string> }): Promise<{ status: number; body: T; headers: Headers }>;
}

/** A real Accord server on an ephemeral port over a fresh database (a PGlite copy unless given one). */
export async function startTestServer({
  seed = false,
  location,
  env = {},
  onQuery,
  clock,
}: {
  seed?: boolean;
  location?: DatabaseLocation;
  env?: Record<string, string>;
  /** Told of every SQL statement the server sends. */
  onQuery?: (statement: string) => void;
  /** The server's time, when a test needs it to pass faster than the wall clock's. */
  clock?: Clock;
} = {}): Promise<TestServer> {
  const owned = location ? undefined : await createPgliteLocation();
  const where = location ?? owned!.location;
  const config = loadServerConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    ACCORD_SEED: String(seed),
    LOG_LEVEL: 'silent',
    ...testAuthEnv,
    ACCORD_PARSE_THREADS: '2',
    // Most test servers never see a document; those that do load the threads on the first one.
    ACCORD_WARM_WORKERS: 'false',
    ...('url' in where ? { DATABASE_URL: where.url } : { ACCORD_DATA_DIR: where.dataDir }),
    ...env,
  });
  const server = await startServer(config, undefined, { workerModule: bundledWorkerModule(), ...(onQuery && { onQuery }), ...(clock && { clock }) });
  const fetchPath = (path: string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    if (!headers.has('authorization') && !headers.has('cookie')) headers.set('authorization', `Bearer ${TEST_ADMIN_TOKEN}`);
    return fetch(server.url + path, { ...init, headers });
  };
  return {
    ...server,
    fetch: fetchPath,
    async json<T>(method: string, path: string, body?: unknown, { token = TEST_ADMIN_TOKEN, headers = {} }: { token?: string | null; headers?: Record<string, string> } = {}) {
      const response = await fetch(server.url + path, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
    },
    async close() {
      await server.close();
      await owned?.cleanup();
    },
  };
}
