import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditVerification, RecordedAuditEvent } from '../audit/index.js';
import { changeRegistry } from '../audit/__fixtures__/change-registry.js';
import type { Page } from '../registry/index.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

type Event = Omit<RecordedAuditEvent, 'at'> & { at: string };

describe('the audit log over HTTP', () => {
  let server: TestServer;
  let actions: string[];
  const list = (query = '') => server.json<Page<Event>>('GET', `/api/v1/audit${query}`);
  async function listAll(query: string): Promise<Event[]> {
    const events: Event[] = [];
    let cursor: string | null = null;
    do {
      const { status, body } = await list(`?${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(status).toBe(200);
      events.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    return events;
  }

  beforeAll(async () => {
    server = await startTestServer();
    actions = await changeRegistry(server, { versions: 8 });
  });
  afterAll(() => server?.close());

  it('chains every change made through the API, and verification finds the chain intact', async () => {
    const verified = await server.json<AuditVerification>('GET', '/api/v1/audit/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true });
    const events = await listAll('limit=5');
    const { events: count, head } = verified.body as Extract<AuditVerification, { ok: true }>;
    // Start-up may have recorded events of its own (the administrator's key) before these changes.
    expect(count).toBe(events.length);
    expect(events.map((e) => e.action).slice(0, actions.length).reverse()).toEqual(actions);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: count }, (_, i) => count - i));
    expect(head).toMatchObject({ seq: count, id: events[0]!.id, hash: events[0]!.hash });
    for (const [newer, older] of events.slice(0, -1).map((e, i) => [e, events[i + 1]!] as const)) expect(newer.prevHash).toBe(older.hash);
  });

  it('records who made each change and under which request', async () => {
    const [event] = (await list('?action=environment.created')).body.items;
    expect(event).toMatchObject({ targetType: 'environment', targetId: 'prod', summary: { name: 'Production' }, actor: expect.stringMatching(/^(api-key|user):/), requestId: expect.any(String) });
    expect(Number.isNaN(Date.parse(event!.at))).toBe(false);
  });

  it('lists the events of one target, newest first, a page at a time', async () => {
    const events = await listAll('targetType=contract&targetId=ledger-api&limit=3');
    expect(events.map((e) => e.action)).toEqual(['contract.updated', ...Array<string>(8).fill('version.published'), 'contract.created']);
    expect(events.every((e) => e.targetType === 'contract' && e.targetId === 'ledger-api')).toBe(true);
    expect((await listAll('targetType=contract')).length).toBe(11);
  });

  it('filters by actor, action and time', async () => {
    const [published] = (await list('?action=version.published&limit=1')).body.items;
    const byActor = await listAll(`actor=${encodeURIComponent(published!.actor)}`);
    expect(byActor.length).toBeGreaterThanOrEqual(actions.length);
    expect(byActor.every((e) => e.actor === published!.actor)).toBe(true);
    expect((await listAll('action=version.published')).length).toBe(8);
    expect((await list('?actor=user:nobody')).body.items).toEqual([]);
    const from = encodeURIComponent(published!.at);
    expect((await listAll(`from=${from}`)).map((e) => e.action)).toContain('environment.created');
    expect((await listAll(`to=${from}`)).map((e) => e.action)).not.toContain('environment.created');
    expect((await list('?from=2999-01-01')).body.items).toEqual([]);
    expect((await list(`?seq=${published!.seq}`)).body.items).toEqual([published]);
  });

  it.each([
    ['from=yesterday', '/from'],
    ['to=2026-13-45', '/to'],
    ['targetId=ledger-api', '/targetId'],
    ['limit=0', '/limit'],
    ['limit=201', '/limit'],
    ['owner=me', '/owner'],
    ['seq=0', '/seq'],
    ['from=2026-03-02&to=2026-03-01', '/to'],
    // Year 0 is a valid ISO date but outside what the database stores; an offset can reach year 10000.
    ['from=0000-01-01', '/from'],
    ['to=9999-12-31T23:00:00-05:00', '/to'],
  ])('refuses %s with a 422 naming %s', async (query, pointer) => {
    const { status, body } = await server.json<{ code: string; errors: { pointer: string }[] }>('GET', `/api/v1/audit?${query}`);
    expect(status).toBe(422);
    expect(body.code).toBe('invalid-input');
    expect(body.errors.map((e) => e.pointer)).toContain(pointer);
  });

  it('refuses a cursor it did not issue with a 400', async () => {
    const { status, body } = await server.json<{ code: string }>('GET', '/api/v1/audit?cursor=bm9wZQ');
    expect(status).toBe(400);
    expect(body.code).toBe('invalid-cursor');
  });

  it('refuses parameters on verification with a 422 naming them', async () => {
    const { status, body } = await server.json<{ errors: { pointer: string }[] }>('GET', '/api/v1/audit/verify?deep=true');
    expect(status).toBe(422);
    expect(body.errors.map((e) => e.pointer)).toEqual(['/deep']);
  });

  it('is closed to anonymous callers', async () => {
    expect((await server.json('GET', '/api/v1/audit', undefined, { token: null })).status).toBe(401);
    expect((await server.json('GET', '/api/v1/audit/verify', undefined, { token: null })).status).toBe(401);
  });
});
