import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../config.js';
import { startServer, type RunningServer } from '../../main.js';
import { createPgliteLocation, createPostgresLocation, postgresUrl } from '../../test-support/test-database.js';
import { TEST_ADMIN_TOKEN, testAuthEnv } from '../../test-support/test-credentials.js';
import { closedPortUrl, runAccord } from '../__fixtures__/run-accord.js';

const PASSWORD = 'a long enough passphrase';

describe('accord admin create', () => {
  let location: Awaited<ReturnType<typeof createPgliteLocation>>;
  let nowhere: string;
  beforeAll(async () => {
    location = await createPgliteLocation();
    nowhere = await closedPortUrl();
  });
  afterAll(() => location?.cleanup());
  const accord = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) => runAccord(['admin', ...args, '--data-dir', location.location.dataDir], { server: nowhere, token: null, ...options });

  it('creates an administrator in the database who can then sign in and write', async () => {
    const created = await accord(['create', '--email', 'Root@Example.com', '--name', 'Root', '--password-stdin', '--json'], { input: `${PASSWORD}\n` });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ email: 'root@example.com', role: 'admin' });

    const again = await accord(['create', '--email', 'root@example.com', '--name', 'Root'], { env: { ACCORD_ADMIN_PASSWORD: PASSWORD } });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');

    let server: RunningServer | undefined;
    try {
      server = await startServer(loadServerConfig({ PORT: '0', HOST: '127.0.0.1', ACCORD_SEED: 'false', LOG_LEVEL: 'silent', ACCORD_DATA_DIR: location.location.dataDir, ACCORD_PARSE_THREADS: '1', ACCORD_WARM_WORKERS: 'false' }));
      const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'root@example.com', password: PASSWORD }) });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const team = await fetch(`${server.url}/api/v1/teams`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: server.url }, body: JSON.stringify({ slug: 'platform', name: 'Platform' }) });
      expect(team.status).toBe(201);
    } finally {
      await server?.close();
    }
  });

  it('is refused at once while a server holds the embedded database, and nothing the server wrote is lost', async () => {
    const config = loadServerConfig({ PORT: '0', HOST: '127.0.0.1', ACCORD_SEED: 'false', LOG_LEVEL: 'silent', ACCORD_DATA_DIR: location.location.dataDir, ACCORD_PARSE_THREADS: '1', ACCORD_WARM_WORKERS: 'false', ...testAuthEnv });
    let server: RunningServer | undefined = await startServer(config);
    try {
      const team = await fetch(`${server.url}/api/v1/teams`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, body: JSON.stringify({ slug: 'held', name: 'Held' }) });
      expect(team.status).toBe(201);
      const second = await accord(['create', '--email', 'second@example.com', '--name', 'Second', '--password-stdin'], { input: PASSWORD });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('data-directory-in-use');
      expect(second.stderr).toContain(`pid ${process.pid}`);
      expect(second.stderr).toContain(server.url);
      await server.close();
      server = await startServer(config);
      const teams = (await (await fetch(`${server.url}/api/v1/teams`)).json()) as { items: { slug: string }[] };
      expect(teams.items.map((t) => t.slug)).toContain('held');
      const refused = await fetch(`${server.url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'second@example.com', password: PASSWORD }) });
      expect(refused.status).toBe(401);
    } finally {
      await server?.close();
    }
  });

  it('refuses a short password and says what is missing before touching the database', async () => {
    const short = await accord(['create', '--email', 'a@example.com', '--name', 'A', '--password-stdin'], { input: 'short' });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('12 to 256 characters');
    const noPassword = await accord(['create', '--email', 'a@example.com', '--name', 'A'], { env: { ACCORD_ADMIN_PASSWORD: '' } });
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('--password-stdin');
    const wrongVerb = await accord(['delete', '--email', 'a@example.com']);
    expect(wrongVerb.code).toBe(2);
  });
});

describe.skipIf(!postgresUrl)('accord admin create on PostgreSQL', () => {
  it('needs only the database URL, and the servers sign the administrator in with their own secret', async () => {
    const database = await createPostgresLocation();
    const nowhere = await closedPortUrl();
    let server: RunningServer | undefined;
    try {
      const created = await runAccord(['admin', 'create', '--email', 'pg-root@example.com', '--name', 'Root', '--password-stdin', '--database-url', database.location.url], { server: nowhere, token: null, input: PASSWORD, env: { ACCORD_AUTH_SECRET: '', DATABASE_URL: '' } });
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      expect(created.stdout).toContain('sign in on the Accord server of this database');
      server = await startServer(loadServerConfig({ PORT: '0', HOST: '127.0.0.1', ACCORD_SEED: 'false', LOG_LEVEL: 'silent', DATABASE_URL: database.location.url, ACCORD_PARSE_THREADS: '1', ACCORD_WARM_WORKERS: 'false', ...testAuthEnv }));
      const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'pg-root@example.com', password: PASSWORD }) });
      expect(signIn.status).toBe(200);
    } finally {
      await server?.close();
      await database.cleanup();
    }
  });
});
