import { afterAll, beforeAll } from 'vitest';
import { runAccord, type AccordRun } from './run-accord.js';
import { startTestServer, type TestServer } from './test-server.js';

/** What a test file's registry starts with; names default to the slug, domains to retail. */
export interface RegistrySeed {
  teams?: string[];
  systems?: { slug: string; team: string; name?: string; domain?: string }[];
  contracts?: { slug: string; system: string; name?: string }[];
  /** Published in the order given. */
  versions?: { contract: string; version: string; document: string }[];
  environments?: { slug: string; rank: number; name?: string }[];
}

export interface AccordTestRegistry {
  /** The running server (valid once the file's beforeAll ran). */
  readonly server: TestServer;
  /** Runs the real `accord` command against the server, with the administrator's key unless told otherwise. */
  accord(...args: string[]): Promise<AccordRun>;
  /** POST to the REST API as the administrator; anything but a 2xx fails the setup, naming the answer. */
  post<T = unknown>(path: string, body: unknown): Promise<T>;
}

/**
 * Starts one Accord server for a test file (beforeAll) with the registry it describes, and
 * closes it after (afterAll). A setup request that fails stops the file at once, rather than
 * surfacing later as a puzzling test failure. `then` adds what a seed cannot say.
 */
export function accordTestRegistry(seed: RegistrySeed = {}, then?: (registry: AccordTestRegistry) => Promise<void>): AccordTestRegistry {
  let server: TestServer | undefined;
  const running = (): TestServer => {
    if (!server) throw new Error('the test server is not running yet: use it inside a test or a hook');
    return server;
  };
  const registry: AccordTestRegistry = {
    get server() {
      return running();
    },
    accord: (...args) => runAccord(args, { server: running().url }),
    async post<T>(path: string, body: unknown) {
      const { status, body: answer } = await running().json<T>('POST', `/api/v1${path}`, body);
      if (status < 200 || status >= 300) throw new Error(`setup: POST /api/v1${path} answered ${status}: ${JSON.stringify(answer)}`);
      return answer;
    },
  };
  beforeAll(async () => {
    server = await startTestServer();
    for (const slug of seed.teams ?? []) await registry.post('/teams', { slug, name: slug });
    for (const { slug, team, name = slug, domain = 'retail' } of seed.systems ?? []) await registry.post('/systems', { slug, name, team, domain });
    for (const { slug, system, name = slug } of seed.contracts ?? []) await registry.post('/contracts', { slug, name, system });
    for (const { contract, version, document } of seed.versions ?? []) await registry.post(`/contracts/${contract}/versions`, { version, document });
    for (const { slug, rank, name = slug } of seed.environments ?? []) await registry.post('/environments', { slug, name, rank });
    await then?.(registry);
  });
  afterAll(() => server?.close());
  return registry;
}
