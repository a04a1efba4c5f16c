import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { startWebhookReceiver, type Answer, type ReceivedWebhook, type WebhookReceiver } from '../notify/__fixtures__/webhook-receiver.js';
import { verifyWebhookSignature } from '../notify/index.js';
import { createPgliteLocation } from '../test-support/test-database.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

// Receivers listen on 127.0.0.1, so these servers let webhooks reach it; retries are fast.
const FAST_WEBHOOKS = {
  ACCORD_WEBHOOK_ALLOW_PRIVATE: 'true',
  ACCORD_WEBHOOK_POLL_MS: '50',
  ACCORD_WEBHOOK_RETRY_BASE_MS: '20',
  ACCORD_WEBHOOK_RETRY_MAX_MS: '100',
  ACCORD_WEBHOOK_MAX_ATTEMPTS: '3',
};

interface Endpoint {
  id: string;
  system: string;
  url: string;
  events: string[];
  active: boolean;
  secret?: string;
}

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  event: { id: string; type: string; data: Record<string, unknown> };
  attemptLog: { at: string; status: number | null; error: string | null; durationMs: number }[];
}

const stockApi = (version: string, paths: Record<string, unknown>) => stringify({ openapi: '3.1.0', info: { title: 'Stock API', version }, paths });
const getStock = { '/stock/{sku}': { get: { operationId: 'getStock', responses: { '200': { description: 'stock level' } } } } };
const reserve = { '/reservations': { post: { operationId: 'reserve', responses: { '201': { description: 'reserved' } } } } };
const listStores = { '/stores': { get: { operationId: 'listStores', responses: { '200': { description: 'stores' } } } } };

/** Waits for what the worker does in the background; fails with the last assertion's message. */
const eventually = <T>(check: () => Promise<T> | T) => vi.waitFor(check, { timeout: 20_000, interval: 25 });

const typesAt = (receiver: WebhookReceiver, path: string) => receiver.at(path).map((r) => r.event.type);
const lastOf = (receiver: WebhookReceiver, path: string, type: string): ReceivedWebhook => {
  const found = receiver.at(path).filter((r) => r.event.type === type).at(-1);
  expect(found, `${type} at ${path}`).toBeDefined();
  return found!;
};

async function register(server: TestServer, receiver: WebhookReceiver, system: string, path: string, events?: string[]): Promise<Endpoint> {
  const created = await server.json<Endpoint>('POST', `/api/v1/systems/${system}/webhooks`, { url: receiver.url + path, ...(events ? { events } : {}) });
  expect(created.status).toBe(201);
  receiver.secrets.set(path, created.body.secret!);
  return created.body;
}

async function deliveriesOf(server: TestServer, webhook: string): Promise<Delivery[]> {
  const log = await server.json<{ items: Delivery[] }>('GET', `/api/v1/webhooks/${webhook}/deliveries`);
  expect(log.status).toBe(200);
  return log.body.items;
}

describe('webhooks through the REST API', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  const behaviours: Record<string, (earlier: number) => Answer> = {};
  const endpoints: Record<string, Endpoint> = {};

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    receiver.answer = (request, earlier) => behaviours[request.path]?.(earlier.length) ?? { status: 200 };
    server = await startTestServer({ env: FAST_WEBHOOKS });
    await server.json('POST', '/api/v1/teams', { slug: 'supply-chain', name: 'Supply Chain' });
    await server.json('POST', '/api/v1/teams', { slug: 'store-platform', name: 'Store Platform' });
    await server.json('POST', '/api/v1/systems', { slug: 'inventory', name: 'Inventory', team: 'supply-chain', domain: 'retail' });
    await server.json('POST', '/api/v1/systems', { slug: 'pos', name: 'Point of Sale', team: 'store-platform', domain: 'retail' });
    await server.json('POST', '/api/v1/contracts', { slug: 'stock-api', name: 'Stock API', system: 'inventory' });
    expect((await server.json('POST', '/api/v1/contracts/stock-api/versions', { version: '1.0.0', document: stockApi('1.0.0', { ...getStock, ...reserve }) })).status).toBe(201);
    endpoints.inventory = await register(server, receiver, 'inventory', '/inventory');
    endpoints.checksOnly = await register(server, receiver, 'inventory', '/inventory-checks', ['check.failed']);
    endpoints.pos = await register(server, receiver, 'pos', '/pos');
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  it('shows the signing secret once, when the endpoint is registered', async () => {
    expect(endpoints.inventory).toMatchObject({ system: 'inventory', url: `${receiver.url}/inventory`, events: [], active: true, secret: expect.stringMatching(/^whsec_[\w-]{43}$/) });
    const created = await server.json<Endpoint>('POST', '/api/v1/systems/inventory/webhooks', { url: `${receiver.url}/spare`, description: 'spare' });
    expect(created.headers.get('location')).toBe(`/api/v1/webhooks/${created.body.id}`);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const list = await server.json<{ items: Endpoint[] }>('GET', '/api/v1/systems/inventory/webhooks');
    expect(list.body.items.map((e) => e.url)).toEqual([`${receiver.url}/inventory`, `${receiver.url}/inventory-checks`, `${receiver.url}/spare`]);
    expect(list.body.items.every((e) => !('secret' in e))).toBe(true);
    const one = await server.json<Endpoint>('GET', `/api/v1/webhooks/${endpoints.checksOnly!.id}`);
    expect(one.body).toMatchObject({ id: endpoints.checksOnly!.id, events: ['check.failed'] });
    expect(one.body).not.toHaveProperty('secret');
    await server.json('POST', `/api/v1/webhooks/${created.body.id}/disable`);
  });

  it('keeps webhook configuration from anonymous callers', async () => {
    expect((await server.json('GET', '/api/v1/systems/inventory/webhooks', undefined, { token: null })).status).toBe(401);
    expect((await server.json('GET', `/api/v1/webhooks/${endpoints.inventory!.id}/deliveries`, undefined, { token: null })).status).toBe(401);
    expect((await server.json('POST', '/api/v1/systems/inventory/webhooks', { url: `${receiver.url}/x` }, { token: null })).status).toBe(401);
  });

  it('tells the owner of a subscription request, and both sides of the decision', async () => {
    const requested = await server.json<{ id: string }>('POST', '/api/v1/contracts/stock-api/subscriptions', { consumer: 'pos', range: '^1.0.0', operations: ['GET /stock/{sku}'] });
    expect(requested.status).toBe(201);
    await eventually(() => expect(typesAt(receiver, '/inventory')).toContain('dev.accord.subscription.requested'));
    expect((await server.json('POST', `/api/v1/subscriptions/${requested.body.id}/approve`)).status).toBe(200);
    await eventually(() => {
      expect(typesAt(receiver, '/inventory')).toContain('dev.accord.subscription.approved');
      expect(typesAt(receiver, '/pos')).toContain('dev.accord.subscription.approved');
    });
    // The consumer asked; it hears the answer, not its own request.
    expect(typesAt(receiver, '/pos')).not.toContain('dev.accord.subscription.requested');

    const approved = lastOf(receiver, '/pos', 'dev.accord.subscription.approved');
    expect(approved.event).toMatchObject({
      specversion: '1.0',
      source: 'urn:accord',
      subject: 'stock-api',
      datacontenttype: 'application/json',
      data: { contract: 'stock-api', subscriptionId: requested.body.id, consumer: 'pos', range: '^1.0.0', operations: ['GET /stock/{sku}'], audience: 'consumer' },
    });
    expect(new Date(approved.event.time).toISOString()).toBe(approved.event.time);
    expect(approved.headers['content-type']).toBe('application/cloudevents+json');
    expect(approved.headers['webhook-id']).toBe(approved.event.id);
    expect(approved.headers['accord-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
  });

  it('tells each consumer which of its subscribed operations a new version breaks', async () => {
    const [subscription] = (await server.json<{ items: { id: string }[] }>('GET', '/api/v1/contracts/stock-api/subscriptions?status=approved')).body.items;
    expect((await server.json('POST', '/api/v1/contracts/stock-api/versions', { version: '2.0.0', document: stockApi('2.0.0', { ...reserve }) })).status).toBe(201);
    await eventually(() => expect(typesAt(receiver, '/pos')).toContain('dev.accord.version.published'));
    const consumer = lastOf(receiver, '/pos', 'dev.accord.version.published').event;
    expect(consumer.data).toMatchObject({ contract: 'stock-api', version: '2.0.0', previous: '1.0.0', audience: 'consumer', subscriptionId: subscription!.id, affectedOperations: ['GET /stock/{sku}'] });
    expect((consumer.data.summary as { breaking: number }).breaking).toBeGreaterThan(0);
    await eventually(() => expect(typesAt(receiver, '/inventory')).toContain('dev.accord.version.published'));
    const owner = lastOf(receiver, '/inventory', 'dev.accord.version.published').event;
    expect(owner.data).toMatchObject({ audience: 'owner', version: '2.0.0', consumers: [{ system: 'pos', subscriptionId: subscription!.id, affectedOperations: ['GET /stock/{sku}'] }] });

    // A version that changes none of its operations does not reach the consumer; the owner hears of it.
    // Deliveries are queued in the publish's own transaction, so the lists are complete once it answers.
    expect((await server.json('POST', '/api/v1/contracts/stock-api/versions', { version: '2.1.0', document: stockApi('2.1.0', { ...reserve, ...listStores }) })).status).toBe(201);
    const versionsFor = async (endpoint: Endpoint) => (await deliveriesOf(server, endpoint.id)).filter((d) => d.event.type === 'dev.accord.version.published').map((d) => (d.event.data as { version: string }).version);
    expect(await versionsFor(endpoints.inventory!)).toContain('2.1.0');
    expect(await versionsFor(endpoints.pos!)).not.toContain('2.1.0');
  });

  it("tells the owner about a failing check, and only endpoints that asked for it by type", async () => {
    const check = await server.json<{ id: string; verdict: string }>('POST', '/api/v1/contracts/stock-api/checks', { version: '2.2.0', document: stockApi('2.2.0', { ...listStores }) });
    expect(check.body.verdict).toBe('fail');
    await eventually(() => {
      expect(typesAt(receiver, '/inventory')).toContain('dev.accord.check.failed');
      expect(typesAt(receiver, '/inventory-checks')).toContain('dev.accord.check.failed');
    });
    expect(lastOf(receiver, '/inventory', 'dev.accord.check.failed').event.data).toMatchObject({ contract: 'stock-api', checkId: check.body.id, version: '2.2.0', verdict: 'fail', summary: { breaking: 1, policy: 0 } });
    expect(typesAt(receiver, '/pos')).not.toContain('dev.accord.check.failed');
    // Filtered to check.failed: it heard nothing of the subscription and the versions.
    expect(new Set(typesAt(receiver, '/inventory-checks'))).toEqual(new Set(['dev.accord.check.failed']));
    // A passing check is no news.
    await server.json('POST', '/api/v1/contracts/stock-api/checks', { version: '2.2.0', document: stockApi('2.2.0', { ...reserve, ...listStores }) });
    expect(typesAt(receiver, '/inventory').filter((t) => t === 'dev.accord.check.failed')).toHaveLength(1);
  });

  it('tells the owner and the consumers a deprecation concerns', async () => {
    const sunsetAt = new Date(Date.now() + 90 * 86_400_000).toISOString();
    const res = await server.json('POST', '/api/v1/contracts/stock-api/versions/1.0.0/deprecate', { sunsetAt, note: 'move to 2.x' });
    expect(res.status).toBe(200);
    await eventually(() => {
      expect(typesAt(receiver, '/pos')).toContain('dev.accord.contract.deprecated');
      expect(typesAt(receiver, '/inventory')).toContain('dev.accord.contract.deprecated');
    });
    const [subscription] = (await server.json<{ items: { id: string }[] }>('GET', '/api/v1/contracts/stock-api/subscriptions?status=approved')).body.items;
    expect(lastOf(receiver, '/pos', 'dev.accord.contract.deprecated').event.data).toMatchObject({ contract: 'stock-api', audience: 'consumer', scope: 'version', version: '1.0.0', note: 'move to 2.x', subscriptionId: subscription!.id });
    expect(lastOf(receiver, '/inventory', 'dev.accord.contract.deprecated').event.data).toMatchObject({ audience: 'owner', consumers: [{ system: 'pos', subscriptionId: subscription!.id }] });
  });

  it('retries a receiver that answers 500, with the same event id, and logs every attempt', async () => {
    behaviours['/flaky'] = (earlier) => ({ status: earlier < 2 ? 500 : 200 });
    endpoints.flaky = await register(server, receiver, 'pos', '/flaky');
    const ping = await server.json<Delivery>('POST', `/api/v1/webhooks/${endpoints.flaky.id}/test`);
    expect(ping.status).toBe(202);
    expect(ping.body).toMatchObject({ eventType: 'dev.accord.ping', status: 'pending', attempts: 0, attemptLog: [] });
    await eventually(async () => expect((await deliveriesOf(server, endpoints.flaky!.id))[0]!.status).toBe('delivered'));
    const [delivery] = await deliveriesOf(server, endpoints.flaky.id);
    expect(delivery).toMatchObject({ id: ping.body.id, attempts: 3, lastStatus: 200, lastError: null, nextAttemptAt: null });
    expect(delivery!.attemptLog.map((a) => [a.status, a.error])).toEqual([
      [500, 'the receiver answered 500'],
      [500, 'the receiver answered 500'],
      [200, null],
    ]);
    expect(delivery!.event).toMatchObject({ type: 'dev.accord.ping', data: { webhookId: endpoints.flaky.id, system: 'pos' } });
    const sent = receiver.at('/flaky');
    expect(sent.map((r) => r.headers['webhook-id'])).toEqual([delivery!.eventId, delivery!.eventId, delivery!.eventId]);
    expect(sent.every((r) => r.verified && r.body === sent[0]!.body)).toBe(true);
  });

  it('gives a delivery up as failed after the configured number of attempts', async () => {
    behaviours['/down'] = () => ({ status: 503 });
    const down = await register(server, receiver, 'pos', '/down');
    await server.json('POST', `/api/v1/webhooks/${down.id}/test`);
    await eventually(async () => expect((await deliveriesOf(server, down.id))[0]!.status).toBe('failed'));
    const [delivery] = await deliveriesOf(server, down.id);
    expect(delivery).toMatchObject({ attempts: 3, lastStatus: 503, lastError: 'the receiver answered 503', nextAttemptAt: null });
    expect(delivery!.attemptLog).toHaveLength(3);
    expect(receiver.at('/down')).toHaveLength(3);
  });

  it('counts a redirect as a failed attempt and never follows it', async () => {
    behaviours['/moved'] = () => ({ status: 307, headers: { location: `${receiver.url}/elsewhere` } });
    const moved = await register(server, receiver, 'pos', '/moved');
    await server.json('POST', `/api/v1/webhooks/${moved.id}/test`);
    await eventually(async () => expect((await deliveriesOf(server, moved.id))[0]!.status).toBe('failed'));
    const [delivery] = await deliveriesOf(server, moved.id);
    expect(delivery!.attemptLog[0]).toMatchObject({ status: 307, error: expect.stringContaining('redirects are not followed') });
    expect(receiver.at('/elsewhere')).toEqual([]);
  });

  it('signs with the new secret once it is rotated', async () => {
    const old = endpoints.flaky!.secret!;
    const rotated = await server.json<Endpoint>('POST', `/api/v1/webhooks/${endpoints.flaky!.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(old);
    receiver.secrets.set('/flaky', rotated.body.secret!);
    const before = receiver.at('/flaky').length;
    await server.json('POST', `/api/v1/webhooks/${endpoints.flaky!.id}/test`);
    await eventually(() => expect(receiver.at('/flaky').length).toBe(before + 1));
    const latest = receiver.at('/flaky').at(-1)!;
    expect(latest.verified).toBe(true);
    expect(verifyWebhookSignature(rotated.body.secret!, latest.headers['accord-signature'] as string, latest.body)).toBe(true);
    expect(verifyWebhookSignature(old, latest.headers['accord-signature'] as string, latest.body)).toBe(false);
  });

  it('refuses an eleventh test event to one endpoint within a minute, saying when to try again', async () => {
    const busy = await register(server, receiver, 'inventory', '/busy');
    const quiet = await register(server, receiver, 'inventory', '/quiet');
    // Sent together, as a looping script would; the endpoint's row lock makes them count one after another.
    const sent = await Promise.all(Array.from({ length: 12 }, () => server.json<{ code: string; retryAfterSeconds: number }>('POST', `/api/v1/webhooks/${busy.id}/test`)));
    expect(sent.map((r) => r.status).sort()).toEqual([...Array(10).fill(202), 429, 429]);
    const refused = sent.find((r) => r.status === 429)!;
    expect(refused.body).toMatchObject({ code: 'rate-limited', retryAfterSeconds: expect.any(Number) });
    expect(refused.body.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.body.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.headers.get('retry-after')).toBe(String(refused.body.retryAfterSeconds));
    // Only ten were enqueued, and the limit is the endpoint's own.
    expect(await deliveriesOf(server, busy.id)).toHaveLength(10);
    expect((await server.json('POST', `/api/v1/webhooks/${quiet.id}/test`)).status).toBe(202);
    await eventually(() => expect(receiver.at('/busy')).toHaveLength(10));
  });

  it('sends nothing more to a disabled endpoint', async () => {
    const disabled = await server.json<Endpoint & { disabledAt: string | null }>('POST', `/api/v1/webhooks/${endpoints.pos!.id}/disable`);
    expect(disabled.body).toMatchObject({ active: false, disabledAt: expect.any(String) });
    expect((await server.json<Endpoint>('POST', `/api/v1/webhooks/${endpoints.pos!.id}/disable`)).body.active).toBe(false);
    const ping = await server.json<{ code: string }>('POST', `/api/v1/webhooks/${endpoints.pos!.id}/test`);
    expect(ping.status).toBe(409);
    expect(ping.body.code).toBe('webhook-disabled');
    const heard = receiver.at('/pos').length;
    const [subscription] = (await server.json<{ items: { id: string }[] }>('GET', '/api/v1/contracts/stock-api/subscriptions?status=approved')).body.items;
    await server.json('POST', `/api/v1/subscriptions/${subscription!.id}/revoke`);
    await eventually(() => expect(typesAt(receiver, '/inventory')).toContain('dev.accord.subscription.revoked'));
    // The other pos endpoints (all filters empty) heard it; the disabled one did not.
    await eventually(() => expect(typesAt(receiver, '/flaky')).toContain('dev.accord.subscription.revoked'));
    expect(receiver.at('/pos')).toHaveLength(heard);
  });

  it('refuses a malformed registration, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ url: 'ftp://example.com/hook' }, '/url'],
      [{ url: 'https://user:secret@example.com/hook' }, '/url'],
      [{ url: 'not a url' }, '/url'],
      [{ url: 'https://example.com/hook', events: ['version.published', 'version.exploded'] }, '/events/1'],
      [{ url: 'https://example.com/hook', secret: 'mine' }, '/secret'],
      [{}, '/url'],
    ];
    for (const [body, pointer] of cases) {
      const res = await server.json<{ errors: { pointer: string }[] }>('POST', '/api/v1/systems/pos/webhooks', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors.map((e) => e.pointer)).toContain(pointer);
    }
    expect((await server.json('POST', '/api/v1/systems/nowhere/webhooks', { url: 'https://example.com/hook' })).status).toBe(404);
    expect((await server.json('GET', '/api/v1/webhooks/not-a-uuid')).status).toBe(404);
    expect((await server.json('GET', '/api/v1/webhooks/0192f5a8-3c1e-7a4b-9d2e-5f6a7b8c9d0e/deliveries')).status).toBe(404);
  });
});

describe('webhooks on an installation that keeps them off private networks', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await server.json('POST', '/api/v1/teams', { slug: 'ops', name: 'Ops' });
    await server.json('POST', '/api/v1/systems', { slug: 'erp', name: 'ERP', team: 'ops', domain: 'manufacturing' });
  });
  afterAll(() => server?.close());

  it('refuses loopback, private, link-local and metadata addresses, and localhost names', async () => {
    const refused = [
      'http://127.0.0.1:8080/hook',
      'http://localhost:8080/hook',
      'http://api.localhost/hook',
      'http://[::1]/hook',
      'http://10.1.2.3/hook',
      'http://192.168.0.10/hook',
      'http://172.20.0.1/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.64.0.1/hook',
      'http://[fd00::1]/hook',
      'http://[fe80::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://0.0.0.0/hook',
      'http://2130706433/hook',
    ];
    for (const url of refused) {
      const res = await server.json<{ code: string; errors: { pointer: string; code: string }[] }>('POST', '/api/v1/systems/erp/webhooks', { url });
      expect(res.status, url).toBe(422);
      expect(res.body.errors[0], url).toMatchObject({ pointer: '/url', code: 'webhook-url-refused' });
    }
  });

  it('accepts a public host name, whose addresses are checked when it is called', async () => {
    const res = await server.json<Endpoint>('POST', '/api/v1/systems/erp/webhooks', { url: 'https://hooks.example.com/accord' });
    expect(res.status).toBe(201);
  });
});

describe('webhooks across a restart', () => {
  it('delivers what was pending when the server stopped, from the next server on the same database', async () => {
    const receiver = await startWebhookReceiver();
    const { location, cleanup } = await createPgliteLocation();
    // Enough attempts that the delivery is still pending when the first server stops.
    const env = { ...FAST_WEBHOOKS, ACCORD_WEBHOOK_MAX_ATTEMPTS: '50', ACCORD_WEBHOOK_RETRY_BASE_MS: '100', ACCORD_WEBHOOK_RETRY_MAX_MS: '200' };
    let down = true;
    receiver.answer = () => ({ status: down ? 503 : 200 });
    try {
      const first = await startTestServer({ location, env });
      await first.json('POST', '/api/v1/teams', { slug: 'ops', name: 'Ops' });
      await first.json('POST', '/api/v1/systems', { slug: 'mes', name: 'MES', team: 'ops', domain: 'manufacturing' });
      const endpoint = await register(first, receiver, 'mes', '/restart');
      await first.json('POST', `/api/v1/webhooks/${endpoint.id}/test`);
      await eventually(() => expect(receiver.at('/restart').length).toBeGreaterThan(0));
      await first.close();
      const [pending] = receiver.at('/restart');

      down = false;
      const second = await startTestServer({ location, env });
      try {
        await eventually(async () => expect((await deliveriesOf(second, endpoint.id))[0]!.status).toBe('delivered'));
        const delivered = receiver.at('/restart').at(-1)!;
        expect(delivered.headers['webhook-id']).toBe(pending!.headers['webhook-id']);
        expect(delivered.verified).toBe(true);
        const [delivery] = await deliveriesOf(second, endpoint.id);
        expect(delivery!.attemptLog.at(-1)).toMatchObject({ status: 200 });
        expect(delivery!.attemptLog.slice(0, -1).every((a) => a.status === 503)).toBe(true);
      } finally {
        await second.close();
      }
    } finally {
      await receiver.close();
      await cleanup();
    }
  });
});
