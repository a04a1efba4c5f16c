import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadServerConfig } from '../config.js';
import { startServer } from '../main.js';
import { createPgliteLocation, createPostgresLocation, postgresUrl } from '../test-support/test-database.js';
import { TEST_AUTH_SECRET, testAuthEnv } from '../test-support/test-credentials.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const PASSWORD = 'a long enough passphrase';
const doc = (path: string) => stringify({ openapi: '3.0.3', info: { title: 'Orders', version: '1.0.0' }, paths: { [path]: { get: { responses: { '200': { description: 'ok' } } } } } });

/** Signs a person in through better-auth and returns the session cookie a browser would send. */
async function signIn(server: { url: string }, email: string, password = PASSWORD): Promise<{ status: number; cookie: string; setCookie: string[] }> {
  const res = await fetch(`${server.url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email, password }) });
  await res.arrayBuffer();
  const setCookie = res.headers.getSetCookie();
  return { status: res.status, cookie: setCookie.map((c) => c.split(';')[0]).join('; '), setCookie };
}

describe('people and sessions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { ACCORD_SIGN_IN_RATE_LIMIT: '5' } });
    await server.json('POST', '/api/v1/teams', { slug: 'orders', name: 'Orders' });
    await server.json('POST', '/api/v1/users', { email: 'maya@example.com', name: 'Maya', password: PASSWORD });
    await server.json('POST', '/api/v1/teams/orders/members', { email: 'maya@example.com', role: 'maintainer' });
  });
  afterAll(() => server?.close());

  it('offers email and password, and no single sign-on when none is configured', async () => {
    const methods = await server.json('GET', '/api/v1/sign-in-methods', undefined, { token: null });
    expect(methods).toMatchObject({ status: 200, body: { password: true, singleSignOn: null } });
  });

  it('signs in with email and password into a Secure, HttpOnly, SameSite session cookie', async () => {
    const { status, setCookie, cookie } = await signIn(server, 'maya@example.com');
    expect(status).toBe(200);
    expect(setCookie[0]).toMatch(/^__Secure-accord\.session_token=/);
    expect(setCookie[0]).toMatch(/; HttpOnly/);
    expect(setCookie[0]).toMatch(/; Secure/);
    expect(setCookie[0]).toMatch(/; SameSite=Lax/);
    const me = await server.json<{ kind: string; user: { email: string; role: string; memberships: unknown[] } }>('GET', '/api/v1/me', undefined, { token: null, headers: { cookie } });
    expect(me.body).toMatchObject({ kind: 'user', user: { email: 'maya@example.com', role: 'user', memberships: [{ team: 'orders', role: 'maintainer' }] } });
  });

  it('refuses cookie-authenticated writes without this server’s Origin, and takes them with it', async () => {
    const { cookie } = await signIn(server, 'maya@example.com');
    const body = { slug: 'orders-core', name: 'Orders core', team: 'orders', domain: 'retail' };
    const missing = await server.json<{ code: string }>('POST', '/api/v1/systems', body, { token: null, headers: { cookie } });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('cross-origin-write');
    const foreign = await server.json<{ code: string; detail: string }>('POST', '/api/v1/systems', body, { token: null, headers: { cookie, origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.detail).toContain('https://evil.example');
    const same = await server.json('POST', '/api/v1/systems', body, { token: null, headers: { cookie, origin: server.url } });
    expect(same.status).toBe(201);
    // With no public URL configured, a loopback server is the same server under any loopback name.
    const byName = await server.json('PATCH', '/api/v1/systems/orders-core', { description: 'via localhost' }, { token: null, headers: { cookie, origin: server.url.replace('127.0.0.1', 'localhost') } });
    expect(byName.status).toBe(200);
  });

  it('answers a wrong password, and an unknown auth path, with problems like every other refusal', async () => {
    const wrong = await fetch(`${server.url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'maya@example.com', password: 'not the password' }) });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(await wrong.json()).toMatchObject({ status: 401, code: 'invalid-email-or-password' });
    const nowhere = await fetch(`${server.url}/api/auth/no-such-endpoint`);
    expect(nowhere.status).toBe(404);
    expect(((await nowhere.json()) as { code: string }).code).toBe('route-not-found');
  });

  it('limits sign-in attempts per address with a 429 problem and Retry-After', async () => {
    await server.json('POST', '/api/v1/users', { email: 'lou@example.com', name: 'Lou', password: PASSWORD });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 7; i++) {
      last = await fetch(`${server.url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'lou@example.com', password: 'wrong password!!' }) });
      statuses.push(last.status);
      if (last.status === 429) break;
      await last.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 401)).not.toHaveLength(0);
    expect(statuses.at(-1)).toBe(429);
    expect(last!.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await last!.json()) as { code: string }).code).toBe('rate-limited');
  });

  it('keeps sign-up closed by default and never lets a body choose a role', async () => {
    const res = await fetch(`${server.url}/api/auth/sign-up/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'eve@example.com', name: 'Eve', password: PASSWORD, role: 'admin' }) });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const people = await server.json<{ items: { email: string }[] }>('GET', '/api/v1/users');
    expect(people.body.items.map((p) => p.email)).not.toContain('eve@example.com');
    const escalate = await server.json('POST', '/api/v1/teams/orders/members', { email: 'maya@example.com', role: 'admin' });
    expect(escalate.status).toBe(422);
  });

  it('lets an administrator change a person’s role, and records who did', async () => {
    const people = await server.json<{ items: { id: string; email: string }[] }>('GET', '/api/v1/users');
    const lou = people.body.items.find((p) => p.email === 'lou@example.com')!;
    expect((await server.json<{ role: string }>('PATCH', `/api/v1/users/${lou.id}`, { role: 'admin' })).body.role).toBe('admin');
    const events = await server.json<{ items: { action: string; targetId: string }[] }>('GET', `/api/v1/audit?targetType=user&targetId=${lou.id}`);
    expect(events.body.items.map((e) => e.action)).toEqual(expect.arrayContaining(['user.created', 'user.role-changed']));
  });
});

describe('open sign-up', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { ACCORD_SIGN_UP: 'true' } });
  });
  afterAll(() => server?.close());

  it('creates a viewer whatever role the body asks for', async () => {
    const res = await fetch(`${server.url}/api/auth/sign-up/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'eve@example.com', name: 'Eve', password: PASSWORD, role: 'admin' }) });
    await res.arrayBuffer();
    const { cookie } = await signIn(server, 'eve@example.com');
    const me = await server.json<{ user?: { role: string } }>('GET', '/api/v1/me', undefined, { token: null, headers: { cookie } });
    expect(me.body.user?.role ?? 'none').not.toBe('admin');
    const write = await server.json('POST', '/api/v1/teams', { slug: 'eves', name: 'Eve’s' }, { token: null, headers: { cookie, origin: server.url } });
    expect(write.status).toBe(403);
  });
});

describe('API keys', () => {
  let server: TestServer;
  let maintainer: string;
  const asMaintainer = (method: string, path: string, body?: unknown) => server.json<Record<string, unknown>>(method, path, body, { token: null, headers: { cookie: maintainer, origin: server.url } });
  beforeAll(async () => {
    server = await startTestServer({ env: { ACCORD_PUBLISH_RATE_LIMIT: '4' } });
    for (const team of ['orders', 'billing']) {
      await server.json('POST', '/api/v1/teams', { slug: team, name: team });
      await server.json('POST', '/api/v1/systems', { slug: `${team}-svc`, name: team, team, domain: 'retail' });
      await server.json('POST', '/api/v1/contracts', { slug: `${team}-api`, name: team, system: `${team}-svc` });
    }
    await server.json('POST', '/api/v1/users', { email: 'maya@example.com', name: 'Maya', password: PASSWORD });
    await server.json('POST', '/api/v1/teams/orders/members', { email: 'maya@example.com', role: 'maintainer' });
    maintainer = (await signIn(server, 'maya@example.com')).cookie;
  });
  afterAll(() => server?.close());

  it('are created by a maintainer for the team, shown once, stored hashed, and publish only there', async () => {
    const created = await asMaintainer('POST', '/api/v1/api-keys', { name: 'orders CI', team: 'orders', scopes: ['contracts:publish'] });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const key = created.body.key as string;
    expect(key).toMatch(/^acc_[A-Za-z0-9_-]{43}$/);
    expect(created.body).toMatchObject({ team: 'orders', scopes: ['contracts:publish'], prefix: key.slice(0, 10), revokedAt: null });

    const listed = await asMaintainer('GET', '/api/v1/teams/orders/api-keys');
    expect(JSON.stringify(listed.body)).not.toContain(key.slice(10));
    expect(JSON.stringify(listed.body)).not.toContain('hash');

    expect((await server.json('POST', '/api/v1/contracts/orders-api/versions', { version: '1.0.0', document: doc('/a') }, { token: key })).status).toBe(201);
    const elsewhere = await server.json<{ code: string; detail: string }>('POST', '/api/v1/contracts/billing-api/versions', { version: '1.0.0', document: doc('/a') }, { token: key });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.detail).toContain('another team');
    const unscoped = await server.json<{ detail: string }>('POST', '/api/v1/contracts/orders-api/checks', { document: doc('/a') }, { token: key });
    expect(unscoped.status).toBe(403);
    expect(unscoped.body.detail).toContain('checks:run');

    const used = await asMaintainer('GET', '/api/v1/teams/orders/api-keys');
    expect((used.body.items as { lastUsedAt: string | null }[])[0]!.lastUsedAt).not.toBeNull();
  });

  it('cannot be made stronger than their maker: no admin scope, no other team', async () => {
    const admin = await asMaintainer('POST', '/api/v1/api-keys', { name: 'sneaky', team: 'orders', scopes: ['admin'] });
    expect(admin.status).toBe(403);
    const other = await asMaintainer('POST', '/api/v1/api-keys', { name: 'sneaky', team: 'billing', scopes: ['contracts:publish'] });
    expect(other.status).toBe(403);
    const past = await asMaintainer('POST', '/api/v1/api-keys', { name: 'old', team: 'orders', scopes: ['checks:run'], expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(422);
    expect(JSON.stringify(past.body)).toContain('/expiresAt');
    const yearTenThousand = await asMaintainer('POST', '/api/v1/api-keys', { name: 'forever', team: 'orders', scopes: ['checks:run'], expiresAt: '9999-12-31T23:59:59-05:00' });
    expect(yearTenThousand.status).toBe(422);
    expect(JSON.stringify(yearTenThousand.body)).toContain('/expiresAt');
    const unknownScope = await asMaintainer('POST', '/api/v1/api-keys', { name: 'x', team: 'orders', scopes: ['contracts:delete'] });
    expect(unknownScope.status).toBe(422);
  });

  it('stop working when revoked or expired, with a 401 that says why', async () => {
    const revocable = (await asMaintainer('POST', '/api/v1/api-keys', { name: 'temp', team: 'orders', scopes: ['checks:run'] })).body;
    expect((await server.json('POST', '/api/v1/contracts/orders-api/checks', { document: doc('/a') }, { token: revocable.key as string })).status).toBe(201);
    expect((await asMaintainer('POST', `/api/v1/api-keys/${revocable.id as string}/revoke`)).status).toBe(200);
    const refused = await server.json<{ detail: string }>('GET', '/api/v1/contracts', undefined, { token: revocable.key as string });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    expect(refused.body.detail).toContain('revoked');

    const shortLived = (await asMaintainer('POST', '/api/v1/api-keys', { name: 'short', team: 'orders', scopes: ['checks:run'], expiresAt: new Date(Date.now() + 1500).toISOString() })).body;
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const expired = await server.json<{ detail: string }>('GET', '/api/v1/contracts', undefined, { token: shortLived.key as string });
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toContain('expired');

    const garbage = await server.json('GET', '/api/v1/contracts', undefined, { headers: { authorization: 'Basic Zm9vOmJhcg==' }, token: null });
    expect(garbage.status).toBe(401);
  });

  it('limit publishes per key with a 429 problem', async () => {
    const key = (await asMaintainer('POST', '/api/v1/api-keys', { name: 'busy CI', team: 'orders', scopes: ['contracts:publish'] })).body.key as string;
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) statuses.push((await server.json('POST', '/api/v1/contracts/orders-api/versions', { version: `2.0.${i}`, document: doc(`/v${i}`) }, { token: key })).status);
    expect(statuses.slice(0, 4).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(4)).toEqual([429, 429]);
  });

  it('record every step in the audit log with the person who took it', async () => {
    const events = await server.json<{ items: { action: string; actor: string }[] }>('GET', '/api/v1/audit?targetType=api-key&limit=50');
    const actions = events.body.items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['api-key.created', 'api-key.revoked']));
    expect(events.body.items.find((e) => e.action === 'api-key.revoked')!.actor).toMatch(/^user:/);
  });
});

describe('reading', () => {
  it('is anonymous by default and can be closed, after which keys need contracts:read', async () => {
    const open = await startTestServer();
    try {
      expect((await open.json('GET', '/api/v1/contracts', undefined, { token: null })).status).toBe(200);
      expect((await open.json('POST', '/api/v1/teams', { slug: 'x', name: 'X' }, { token: null })).status).toBe(401);
    } finally {
      await open.close();
    }
    const closed = await startTestServer({ env: { ACCORD_ANONYMOUS_READ: 'false' } });
    try {
      expect((await closed.json('GET', '/api/v1/contracts', undefined, { token: null })).status).toBe(401);
      await closed.json('POST', '/api/v1/teams', { slug: 'orders', name: 'Orders' });
      const reader = (await closed.json<{ key: string }>('POST', '/api/v1/api-keys', { name: 'catalog', team: 'orders', scopes: ['contracts:read'] })).body.key;
      const checker = (await closed.json<{ key: string }>('POST', '/api/v1/api-keys', { name: 'checks', team: 'orders', scopes: ['checks:run'] })).body.key;
      expect((await closed.json('GET', '/api/v1/contracts', undefined, { token: reader })).status).toBe(200);
      expect((await closed.json('GET', '/api/v1/contracts', undefined, { token: checker })).status).toBe(403);
    } finally {
      await closed.close();
    }
  });
});

describe('claiming a new installation', () => {
  it('prints a one-time setup token that creates the first administrator, once', async () => {
    let logged = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((logged += chunk.toString()), done()) });
    const owned = await createPgliteLocation();
    const config = loadServerConfig({ PORT: '0', HOST: '127.0.0.1', ACCORD_SEED: 'false', ACCORD_DATA_DIR: owned.location.dataDir, ACCORD_AUTH_SECRET: TEST_AUTH_SECRET, ACCORD_PARSE_THREADS: '1', ACCORD_WARM_WORKERS: 'false' });
    const server = await startServer(config, pino({ level: 'warn' }, sink));
    try {
      const token = /"setupToken":"(setup_[\w-]+)"/.exec(logged)?.[1];
      expect(token).toBeDefined();
      const post = (body: unknown) => fetch(`${server.url}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const person = { email: 'root@example.com', name: 'Root', password: PASSWORD };
      expect((await post({ ...person, token: 'setup_wrong' })).status).toBe(403);
      const claimed = await post({ ...person, token });
      expect(claimed.status).toBe(201);
      expect(await claimed.json()).toMatchObject({ email: 'root@example.com', role: 'admin' });
      expect((await post({ ...person, email: 'second@example.com', token })).status).toBeGreaterThanOrEqual(400);

      const { cookie } = await signIn(server, 'root@example.com');
      const team = await fetch(`${server.url}/api/v1/teams`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: server.url }, body: JSON.stringify({ slug: 'platform', name: 'Platform' }) });
      expect(team.status).toBe(201);
    } finally {
      await server.close();
      await owned.cleanup();
    }
  });
});

describe('an installation administered from its first start', () => {
  it('offers no setup token when ACCORD_BOOTSTRAP_TOKEN already made an administrator', async () => {
    let logged = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((logged += chunk.toString()), done()) });
    const owned = await createPgliteLocation();
    const config = loadServerConfig({ PORT: '0', HOST: '127.0.0.1', ACCORD_SEED: 'false', ACCORD_DATA_DIR: owned.location.dataDir, ACCORD_PARSE_THREADS: '1', ACCORD_WARM_WORKERS: 'false', ...testAuthEnv });
    const server = await startServer(config, pino({ level: 'info' }, sink));
    try {
      expect(logged).toContain('Accord is ready');
      expect(logged).not.toContain('setupToken');
      const claim = await fetch(`${server.url}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'setup_anything', email: 'root@example.com', name: 'Root', password: PASSWORD }) });
      expect(claim.status).toBe(403);
    } finally {
      await server.close();
      await owned.cleanup();
    }
  });
});

describe('hostile sign-in requests', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('refuse an oversized or unsized body before reading it, as a problem', async () => {
    const huge = await fetch(`${server.url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(200_000) }) });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toContain('application/problem+json');
    const chunks = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('{"email":"a@example.com","password":"xxxxxxxxxxxxxx"}')), c.close()) });
    const unsized = await fetch(`${server.url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: chunks, duplex: 'half' } as RequestInit);
    expect(unsized.status).toBe(411);
    expect((await server.json('GET', '/healthz')).status).toBe(200);
  });

  it('refuse a stranger’s upload from its headers, before the body is read', async () => {
    const upload = await fetch(`${server.url}/api/v1/contracts/anything/versions?version=1.0.0`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: 'x'.repeat(30 * 1024 * 1024) });
    expect(upload.status).toBe(401);
  });
});

describe('the bootstrap key', () => {
  it('is retired when ACCORD_BOOTSTRAP_TOKEN changes, so an operator can take it back', async () => {
    const owned = await createPgliteLocation();
    try {
      const first = await startTestServer({ location: owned.location });
      expect((await first.json('POST', '/api/v1/teams', { slug: 'one', name: 'One' })).status).toBe(201);
      await first.close();
      const replacement = 'acc_replacement-bootstrap-token-0123456789';
      const second = await startTestServer({ location: owned.location, env: { ACCORD_BOOTSTRAP_TOKEN: replacement } });
      try {
        const old = await second.json<{ detail: string }>('POST', '/api/v1/teams', { slug: 'two', name: 'Two' });
        expect(old.status).toBe(401);
        expect(old.body.detail).toContain('revoked');
        expect((await second.json('POST', '/api/v1/teams', { slug: 'two', name: 'Two' }, { token: replacement })).status).toBe(201);
      } finally {
        await second.close();
      }
    } finally {
      await owned.cleanup();
    }
  });
});

describe('values the database cannot store', () => {
  it('are a 422 problem, not a 500', async () => {
    const server = await startTestServer();
    try {
      const nul = await server.json<{ code: string }>('POST', '/api/v1/users', { email: 'nul@example.com', name: 'Nul\u0000Byte', password: PASSWORD });
      expect(nul.status).toBe(422);
      expect((await server.json('POST', '/api/v1/teams', { slug: 'nul', name: 'a\u0000b' })).status).toBe(422);
    } finally {
      await server.close();
    }
  });
});

describe.skipIf(!postgresUrl)('people, sessions and keys on PostgreSQL', () => {
  it('sign in, manage a team and publish with a team key, as on PGlite', async () => {
    const database = await createPostgresLocation();
    const server = await startTestServer({ location: database.location });
    try {
      await server.json('POST', '/api/v1/teams', { slug: 'orders', name: 'Orders' });
      await server.json('POST', '/api/v1/users', { email: 'maya@example.com', name: 'Maya', password: PASSWORD });
      await server.json('POST', '/api/v1/teams/orders/members', { email: 'maya@example.com', role: 'maintainer' });
      const { status, cookie } = await signIn(server, 'maya@example.com');
      expect(status).toBe(200);
      const asMaya = (method: string, path: string, body?: unknown) => server.json<Record<string, unknown>>(method, path, body, { token: null, headers: { cookie, origin: server.url } });
      expect((await asMaya('POST', '/api/v1/systems', { slug: 'orders-svc', name: 'Orders', team: 'orders', domain: 'retail' })).status).toBe(201);
      expect((await asMaya('POST', '/api/v1/contracts', { slug: 'orders-api', name: 'Orders', system: 'orders-svc' })).status).toBe(201);
      const key = (await asMaya('POST', '/api/v1/api-keys', { name: 'CI', team: 'orders', scopes: ['contracts:publish'] })).body.key as string;
      expect((await server.json('POST', '/api/v1/contracts/orders-api/versions', { version: '1.0.0', document: doc('/a') }, { token: key })).status).toBe(201);
      const verify = await server.json<{ ok: boolean }>('GET', '/api/v1/audit/verify');
      expect(verify.body.ok).toBe(true);
    } finally {
      await server.close();
      await database.cleanup();
    }
  });
});
