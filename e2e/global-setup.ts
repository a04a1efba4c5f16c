import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, type FullConfig } from '@playwright/test';
import pg from 'pg';
import { build } from 'vite';
import { launchAccordServer } from '../server/test-support/spawn-accord-server.js';
import { TEST_ADMIN_TOKEN } from '../server/test-support/test-credentials.js';
import { PEOPLE, storageStateOf, type PersonName } from './e2e-people.js';

/** A database of its own on the server DATABASE_URL names, dropped when the run ends. */
async function postgresDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `accord_e2e_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/**
 * Builds the catalog, starts a real `accord serve` on a free port with the seeded registry (on
 * PGlite in a temporary directory, or on a fresh PostgreSQL database when DATABASE_URL is set),
 * creates the e2e people and signs each one in. Returns the teardown.
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const root = join(import.meta.dirname, '..');
  await build({ configFile: join(root, 'web', 'vite.config.ts'), logLevel: 'warn' });

  const dir = await mkdtemp(join(tmpdir(), 'accord-e2e-'));
  const postgres = process.env.DATABASE_URL ? await postgresDatabase(process.env.DATABASE_URL) : undefined;
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL')) as Record<string, string>;
  const server = launchAccordServer({ location: postgres ? { url: postgres.url } : { dataDir: join(dir, 'data') }, seed: true, env });
  const teardown = async () => {
    await server.stop();
    await postgres?.drop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const url = await server.ready;
    process.env.ACCORD_E2E_URL = url;
    const admin = await request.newContext({ baseURL: url, extraHTTPHeaders: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    await mkdir(join(root, 'test-results', 'e2e-auth'), { recursive: true });
    for (const [who, person] of Object.entries(PEOPLE) as [PersonName, (typeof PEOPLE)[PersonName]][]) {
      const created = await admin.post('/api/v1/users', { data: { email: person.email, name: person.name, password: person.password } });
      if (!created.ok()) throw new Error(`creating ${person.email}: ${created.status()} ${await created.text()}`);
      const joined = await admin.post(`/api/v1/teams/${person.team}/members`, { data: { email: person.email, role: person.role } });
      if (!joined.ok()) throw new Error(`adding ${person.email} to ${person.team}: ${joined.status()} ${await joined.text()}`);
      // Signed in as a browser would be, from Accord's own origin, so the session cookie is the real one.
      const browser = await request.newContext({ baseURL: url, extraHTTPHeaders: { origin: url } });
      const signedIn = await browser.post('/api/auth/sign-in/email', { data: { email: person.email, password: person.password } });
      if (!signedIn.ok()) throw new Error(`signing in ${person.email}: ${signedIn.status()} ${await signedIn.text()}`);
      await browser.storageState({ path: storageStateOf(who) });
      await browser.dispose();
    }
    // The server loads GraphQL on its first request; that wait belongs to the setup, not to a spec's timeout.
    const warm = await admin.post('/graphql', { data: { query: '{ me { kind } }' }, timeout: 120_000 });
    if (!warm.ok()) throw new Error(`GraphQL answered ${warm.status()}: ${await warm.text()}`);
    await admin.dispose();
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
