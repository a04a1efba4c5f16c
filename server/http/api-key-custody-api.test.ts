import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedAuditEvent } from '../audit/index.js';
import type { ApiKey } from '../auth/index.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

type Event = Omit<RecordedAuditEvent, 'at'> & { at: string };
type Listed = Omit<ApiKey, 'createdAt' | 'expiresAt' | 'revokedAt' | 'lastUsedAt'>;
interface Problem {
  status: number;
  code: string;
  detail: string;
}

const PASSWORD = 'a long enough passphrase';
const openapi = (version: string) => JSON.stringify({ openapi: '3.1.0', info: { title: 'Orders', version }, paths: { '/orders': { get: { responses: { '200': { description: 'ok' } } } } } });

describe('the custody of API keys', () => {
  let server: TestServer;
  const people: Record<string, { id: string; cookie: string }> = {};
  let versions = 0;

  /** A request as a person, with their session cookie from this server's origin. */
  const as = <T = Record<string, unknown>>(who: string, method: string, path: string, body?: unknown) =>
    server.json<T>(method, `/api/v1${path}`, body, { token: null, headers: { cookie: people[who]!.cookie, origin: server.url } });
  const publish = (token: string) => {
    const version = `1.${++versions}.0`;
    return server.json<Problem>('POST', '/api/v1/contracts/orders-api/versions', { version, document: openapi(version) }, { token });
  };
  const keyOf = async (team: string, id: string) => (await server.json<{ items: Listed[] }>('GET', `/api/v1/teams/${team}/api-keys`)).body.items.find((k) => k.id === id)!;
  const auditOf = async (id: string) => (await server.json<{ items: Event[] }>('GET', `/api/v1/audit?targetType=api-key&targetId=${id}&limit=50`)).body.items.reverse();
  const eventWith = async (requestId: string | null, action: string) =>
    (await server.json<{ items: Event[] }>('GET', `/api/v1/audit?action=${action}&limit=50`)).body.items.find((e) => e.requestId === requestId);

  async function person(name: string, { team, role = 'maintainer', admin = false }: { team?: string; role?: 'maintainer' | 'member'; admin?: boolean } = {}) {
    const email = `${name}@example.com`;
    const created = await server.json<{ id: string }>('POST', '/api/v1/users', { email, name, password: PASSWORD, role: admin ? 'admin' : 'user' });
    expect(created.status).toBe(201);
    if (team) expect((await server.json('POST', `/api/v1/teams/${team}/members`, { email, role })).status).toBe(201);
    const signedIn = await fetch(`${server.url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email, password: PASSWORD }) });
    expect(signedIn.status).toBe(200);
    people[name] = { id: created.body.id, cookie: signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
  }
  async function keyBy(who: string, input: { team?: string; scopes: string[] }) {
    const created = await as<ApiKey & { key: string }>(who, 'POST', '/api-keys', { name: `${who}'s key`, ...input });
    expect(created.status).toBe(201);
    return created.body;
  }

  beforeAll(async () => {
    server = await startTestServer({ env: { ACCORD_PUBLISH_RATE_LIMIT: '1000' } });
    for (const team of ['orders', 'billing']) {
      await server.json('POST', '/api/v1/teams', { slug: team, name: team });
      await server.json('POST', '/api/v1/systems', { slug: `${team}-svc`, name: team, team, domain: 'retail' });
      await server.json('POST', '/api/v1/contracts', { slug: `${team}-api`, name: team, system: `${team}-svc` });
    }
    await server.json('POST', '/api/v1/contracts/billing-api/versions', { version: '1.0.0', document: openapi('1.0.0') });
    await person('maya', { team: 'orders' });
    await person('lou', { team: 'orders' });
    await person('sam', { team: 'orders', role: 'member' });
    await person('bea', { team: 'billing' });
    await person('ada', { admin: true });
  });
  afterAll(() => server?.close());

  it("stops a maintainer's key the moment they leave the team, until another maintainer takes it over", async () => {
    const { key, id } = await keyBy('maya', { team: 'orders', scopes: ['contracts:publish'] });
    expect(await keyOf('orders', id)).toMatchObject({ createdBy: `user:${people.maya!.id}`, custodian: { id: people.maya!.id, name: 'maya', email: 'maya@example.com' }, suspension: null });
    expect((await publish(key)).status).toBe(201);

    const removed = await as('lou', 'POST', `/teams/orders/members/${people.maya!.id}/remove`);
    expect(removed.status).toBe(200);
    const refused = await publish(key);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('api-key-suspended');
    expect(refused.body.detail).toContain('maya no longer belongs to team orders');
    expect(refused.body.detail).toContain(`/api/v1/api-keys/${id}/adopt`);
    expect((await server.json('GET', '/api/v1/me', undefined, { token: key })).status).toBe(401);
    expect(await keyOf('orders', id)).toMatchObject({ custodian: { id: people.maya!.id }, suspension: { reason: 'custodian-left-team', message: expect.stringContaining('maya') } });

    // Taking it over is for those who may manage the team's keys: not a member, not another team's maintainer.
    expect((await as('sam', 'POST', `/api-keys/${id}/adopt`)).status).toBe(403);
    expect((await as('bea', 'POST', `/api-keys/${id}/adopt`)).status).toBe(403);
    expect((await as('maya', 'POST', `/api-keys/${id}/adopt`)).status).toBe(403);
    const adopted = await as<Listed>('lou', 'POST', `/api-keys/${id}/adopt`);
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({ createdBy: `user:${people.maya!.id}`, custodian: { id: people.lou!.id, name: 'lou' }, suspension: null });
    expect((await publish(key)).status).toBe(201);

    const events = await auditOf(id);
    expect(events.map((e) => e.action)).toEqual(['api-key.created', 'api-key.suspended', 'api-key.adopted']);
    const [, suspended, taken] = events;
    expect(suspended).toMatchObject({ actor: `user:${people.lou!.id}`, summary: { team: 'orders', custodian: people.maya!.id, reason: 'custodian-left-team' } });
    expect(taken).toMatchObject({ actor: `user:${people.lou!.id}`, summary: { team: 'orders', from: people.maya!.id, to: people.lou!.id, wasSuspended: 'custodian-left-team' } });
    // Recorded with the removal itself: one request, one transaction, adjacent in the chain.
    const removal = await eventWith(suspended!.requestId, 'membership.removed');
    expect(removal).toMatchObject({ targetId: 'orders', summary: { user: people.maya!.id } });
    expect(suspended!.seq).toBe(removal!.seq + 1);
  });

  it('suspends the keys of a maintainer made a member, and reinstates them when they are a maintainer again', async () => {
    await person('noor', { team: 'orders' });
    const { key, id } = await keyBy('noor', { team: 'orders', scopes: ['contracts:publish'] });
    expect((await as('lou', 'POST', '/teams/orders/members', { email: 'noor@example.com', role: 'member' })).status).toBe(200);
    const refused = await publish(key);
    expect(refused.body).toMatchObject({ status: 401, code: 'api-key-suspended' });
    expect(refused.body.detail).toContain('no longer a maintainer of team orders');
    expect((await keyOf('orders', id)).suspension).toMatchObject({ reason: 'custodian-not-maintainer' });

    expect((await as('lou', 'POST', '/teams/orders/members', { email: 'noor@example.com', role: 'maintainer' })).status).toBe(200);
    expect((await publish(key)).status).toBe(201);
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['api-key.created', 'api-key.suspended', 'api-key.reinstated']);
  });

  it("stops an administrator's installation-wide key when they stop being an administrator", async () => {
    await person('ines', { admin: true });
    const { key, id } = await keyBy('ines', { scopes: ['admin'] });
    expect((await server.json('GET', '/api/v1/users', undefined, { token: key })).status).toBe(200);
    expect((await as('ada', 'PATCH', `/users/${people.ines!.id}`, { role: 'user' })).status).toBe(200);
    const refused = await server.json<Problem>('GET', '/api/v1/users', undefined, { token: key });
    expect(refused.body).toMatchObject({ status: 401, code: 'api-key-suspended' });
    expect(refused.body.detail).toContain('no longer an administrator');
    // A maintainer may not take over a key as strong as an administrator; an administrator may.
    expect((await as('lou', 'POST', `/api-keys/${id}/adopt`)).status).toBe(403);
    expect((await as('ada', 'POST', `/api-keys/${id}/adopt`)).status).toBe(200);
    expect((await server.json('GET', '/api/v1/users', undefined, { token: key })).status).toBe(200);
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['api-key.created', 'api-key.suspended', 'api-key.adopted']);
  });

  it('gives a key made with another key the same custodian, so no key launders its way out of custody', async () => {
    const { key: adminKey } = await keyBy('ada', { scopes: ['admin'] });
    const made = await server.json<ApiKey & { key: string }>('POST', '/api/v1/api-keys', { name: 'made by a key', team: 'orders', scopes: ['contracts:publish'] }, { token: adminKey });
    expect(made.status).toBe(201);
    expect(made.body.custodian).toMatchObject({ id: people.ada!.id });
    // The installation's own keys answer to whoever holds the bootstrap token.
    const bootstrapMade = await server.json<ApiKey>('POST', '/api/v1/api-keys', { name: 'installation CI', team: 'orders', scopes: ['contracts:publish'] });
    expect(bootstrapMade.body).toMatchObject({ custodian: null, suspension: null });
  });

  it('takes over only live keys, and a second take-over by the same person changes nothing', async () => {
    const { id } = await keyBy('lou', { team: 'orders', scopes: ['checks:run'] });
    const again = await as<Listed>('lou', 'POST', `/api-keys/${id}/adopt`);
    expect(again.status).toBe(200);
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['api-key.created']);
    expect((await as('lou', 'POST', `/api-keys/${id}/revoke`)).status).toBe(200);
    expect((await as<Problem>('lou', 'POST', `/api-keys/${id}/adopt`)).body).toMatchObject({ status: 409, code: 'invalid-transition' });
    expect((await as<Problem>('lou', 'POST', '/api-keys/018f0000-0000-7000-8000-000000000000/adopt')).status).toBe(404);
  });
});

describe('a team key and subscriptions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    for (const team of ['orders', 'billing']) {
      await server.json('POST', '/api/v1/teams', { slug: team, name: team });
      await server.json('POST', '/api/v1/systems', { slug: `${team}-svc`, name: team, team, domain: 'retail' });
    }
    await server.json('POST', '/api/v1/contracts', { slug: 'billing-api', name: 'Billing', system: 'billing-svc' });
    await server.json('POST', '/api/v1/contracts/billing-api/versions', { version: '1.0.0', document: openapi('1.0.0') });
  });
  afterAll(() => server?.close());

  const key = async (team: string, scopes: string[]) => (await server.json<{ key: string }>('POST', '/api/v1/api-keys', { name: `${team} ${scopes.join(' ')}`, team, scopes })).body.key;
  const request = (token: string) => server.json<Problem & { id: string; status: string }>('POST', '/api/v1/contracts/billing-api/subscriptions', { consumer: 'orders-svc', range: '^1.0.0', operations: ['GET /orders'] }, { token });

  it('requests a subscription with subscriptions:write, and is refused without it by a 403 naming the scope', async () => {
    const without = await request(await key('orders', ['contracts:publish', 'checks:run']));
    expect(without.status).toBe(403);
    expect(without.body.code).toBe('forbidden');
    expect(without.body.detail).toContain('subscriptions:write');

    const asked = await request(await key('orders', ['subscriptions:write']));
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('requested');
    // The provider's pipeline decides on its own contract's subscriptions; the consumer's may not.
    const approve = (token: string) => server.json<{ status: string | number }>('POST', `/api/v1/subscriptions/${asked.body.id}/approve`, {}, { token });
    expect((await approve(await key('orders', ['subscriptions:write']))).status).toBe(403);
    const approved = await approve(await key('billing', ['subscriptions:write']));
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
  });
});
