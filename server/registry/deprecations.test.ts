import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { auditEvents } from '../audit/index.js';
import type { Database } from '../db/index.js';
import type { AccordError, Actor } from '../shared/index.js';
import { createTestRegistry, type TestRegistry } from '../test-support/create-test-registry.js';
import type { Registry, RegistryEvent } from './index.js';

const DAY_MS = 86_400_000;
const START = new Date('2030-01-01T00:00:00Z');
const admin: Actor = { kind: 'system', name: 'deprecation-test' };

let now = START;
const inDays = (days: number) => new Date(now.getTime() + days * DAY_MS);
const events: RegistryEvent[] = [];

let opened: TestRegistry | undefined;
let database: Database;
let registry: Registry;

// Clean under the default policy ruleset, so only compatibility findings decide a publish.
const op = (operationId: string) => ({ operationId, responses: { '200': { description: 'ok' } } });
const orderId = { name: 'orderId', in: 'path', required: true, schema: { type: 'string' } };
const orders = (item: Record<string, object>) =>
  stringify({ openapi: '3.1.0', info: { title: 'Orders', version: '1' }, security: [], paths: { '/orders': { get: op('listOrders'), post: op('createOrder') }, '/orders/{orderId}': { parameters: [orderId], ...item } } });
const v1 = orders({ get: op('getOrder'), delete: op('deleteOrder') });
const withoutDelete = orders({ get: op('getOrder') });

/** What a registry call was refused with. */
async function refusal(promise: Promise<unknown>): Promise<AccordError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!error) throw new Error('expected the call to be refused');
  return error as AccordError;
}

async function contract(slug: string) {
  await registry.contracts.create({ slug, name: slug, system: 'orders' }, admin);
  await registry.versions.publish({ contract: slug, version: '1.0.0', document: v1 }, admin);
}

beforeAll(async () => {
  opened = await createTestRegistry({ clock: { now: () => now }, emit: async (_tx, event) => void events.push(event) });
  ({ registry, database } = opened);
  await registry.teams.create({ slug: 'commerce', name: 'Commerce' }, admin);
  await registry.systems.create({ slug: 'orders', name: 'Orders', team: 'commerce', domain: 'retail' }, admin);
  await registry.systems.create({ slug: 'pos', name: 'POS', team: 'commerce', domain: 'retail' }, admin);
  await registry.systems.create({ slug: 'web', name: 'Web shop', team: 'commerce', domain: 'retail' }, admin);
});
afterAll(() => opened?.close());

const auditOf = (slug: string) =>
  database.db.select({ action: auditEvents.action, summary: auditEvents.summary }).from(auditEvents).where(and(eq(auditEvents.targetType, 'contract'), eq(auditEvents.targetId, slug))).orderBy(asc(auditEvents.seq));

describe('deprecating operations through the registry', () => {
  it('holds a removal to the recorded sunset, in publishes and checks alike, and allows it once the sunset passed', async () => {
    now = START;
    await contract('orders-sunset');
    const sunsetAt = inDays(60);
    await registry.deprecations.deprecateOperations({ contract: 'orders-sunset', operations: ['delete /orders/{id}'], sunsetAt, note: 'use POST /orders/{id}/cancel' }, admin);

    const blocked = await refusal(registry.versions.publish({ contract: 'orders-sunset', version: '1.1.0', document: withoutDelete }, admin));
    expect(blocked.code).toBe('publish-blocked');
    const findings = blocked.details.findings as { id: string; level: string; operations: string[] }[];
    expect(findings.filter((f) => f.level === 'error').map((f) => f.id)).toEqual(['operation-removed-before-sunset']);
    expect(findings[0]!.operations).toEqual(['DELETE /orders/{orderId}']);

    const checked = await registry.checks.run({ contract: 'orders-sunset', version: '1.1.0', document: withoutDelete }, admin);
    expect(checked.verdict).toBe('fail');
    expect(checked.findings.map((f) => f.id)).toContain('operation-removed-before-sunset');

    now = new Date(sunsetAt.getTime() + DAY_MS);
    const published = await registry.versions.publish({ contract: 'orders-sunset', version: '1.1.0', document: withoutDelete }, admin);
    expect(published.created).toBe(true);
    expect((published.version.findings as { id: string }[]).map((f) => f.id)).toContain('operation-removed-after-sunset');
    // In the changelog a removal after its sunset is a change, not another deprecation.
    const entry = await registry.changelog.entry('orders-sunset', '1.1.0');
    expect(entry.changes.map((f) => f.id)).toContain('operation-removed-after-sunset');
    expect(entry.deprecations.map((f) => f.id)).not.toContain('operation-removed-after-sunset');
  });

  it('records the canonical key, audits the deprecation and tells only the consumers subscribed to the operation', async () => {
    now = START;
    await contract('orders-notify');
    const pos = await registry.subscriptions.request({ contract: 'orders-notify', consumer: 'pos', range: '^1.0.0', operations: ['DELETE /orders/{orderId}'] }, admin);
    await registry.subscriptions.approve(pos.id, admin);
    const web = await registry.subscriptions.request({ contract: 'orders-notify', consumer: 'web', range: '^1.0.0', operations: ['GET /orders'] }, admin);
    await registry.subscriptions.approve(web.id, admin);
    events.length = 0;

    const sunsetAt = inDays(45);
    const result = await registry.deprecations.deprecateOperations({ contract: 'orders-notify', operations: ['DELETE /orders/{id}'], sunsetAt, note: 'cancel instead' }, admin);
    expect(result.operations).toMatchObject([{ operation: 'DELETE /orders/{orderId}', sunsetAt, note: 'cancel instead', createdBy: 'system:deprecation-test' }]);
    expect((await registry.contracts.get('orders-notify')).deprecations.operations.map((o) => o.operation)).toEqual(['DELETE /orders/{orderId}']);

    expect(events).toEqual([
      expect.objectContaining({ type: 'contract.deprecated', contract: 'orders-notify', scope: 'operations', operations: ['DELETE /orders/{orderId}'], sunsetAt: sunsetAt.toISOString(), note: 'cancel instead', consumers: [{ subscriptionId: pos.id, systemId: expect.any(String) }] }),
    ]);
    expect((await auditOf('orders-notify')).at(-1)).toEqual({ action: 'operations.deprecated', summary: { operations: ['DELETE /orders/{orderId}'], sunsetAt: sunsetAt.toISOString(), note: 'cancel instead' } });
  });

  it('names each unknown operation, and refuses a contract without versions', async () => {
    now = START;
    await contract('orders-unknown');
    const unknown = await refusal(registry.deprecations.deprecateOperations({ contract: 'orders-unknown', operations: ['GET /orders', 'PATCH /orders/{id}'], sunsetAt: inDays(40) }, admin));
    expect(unknown).toMatchObject({ code: 'unknown-operation', issues: [{ pointer: '/operations/1', message: '"PATCH /orders/{id}" is not an operation of orders-unknown 1.0.0' }] });

    await registry.contracts.create({ slug: 'orders-empty', name: 'empty', system: 'orders' }, admin);
    expect(await refusal(registry.deprecations.deprecateOperations({ contract: 'orders-empty', operations: ['GET /orders'], sunsetAt: inDays(40) }, admin))).toMatchObject({ code: 'unknown-operation', issues: [{ pointer: '/operations' }] });
  });

  it('lets a sunset move later but never earlier, and refuses one in the past or sooner than the minimum notice', async () => {
    now = START;
    await contract('orders-move');
    const deprecate = (sunsetAt: Date) => registry.deprecations.deprecateOperations({ contract: 'orders-move', operations: ['GET /orders'], sunsetAt }, admin);
    expect(await refusal(deprecate(inDays(-1)))).toMatchObject({ code: 'invalid-sunset', issues: [{ pointer: '/sunsetAt' }] });
    expect(await refusal(deprecate(inDays(10)))).toMatchObject({ code: 'sunset-too-soon', issues: [{ pointer: '/sunsetAt', message: 'must be at least 30 days ahead' }] });

    await deprecate(inDays(60));
    const earlier = await refusal(deprecate(inDays(50)));
    expect(earlier).toMatchObject({ code: 'sunset-brought-forward', issues: [{ pointer: '/sunsetAt' }] });
    expect(earlier.message).toContain('GET /orders');
    expect((await deprecate(inDays(90))).operations[0]!.sunsetAt).toEqual(inDays(90));
  });

  it('withdraws a recorded deprecation, after which the removal is an ordinary breaking change again', async () => {
    now = START;
    await contract('orders-undo');
    await registry.deprecations.deprecateOperations({ contract: 'orders-undo', operations: ['DELETE /orders/{orderId}'], sunsetAt: inDays(40) }, admin);
    expect(await refusal(registry.deprecations.undeprecateOperations({ contract: 'orders-undo', operations: ['GET /orders'] }, admin))).toMatchObject({ code: 'not-deprecated', issues: [{ pointer: '/operations/0' }] });
    expect((await registry.deprecations.undeprecateOperations({ contract: 'orders-undo', operations: ['DELETE /orders/{id}'] }, admin)).operations).toEqual([]);
    expect((await auditOf('orders-undo')).at(-1)).toEqual({ action: 'operations.undeprecated', summary: { operations: ['DELETE /orders/{orderId}'] } });
    // Deprecating it again is a first announcement: the earlier date is gone, the full notice applies.
    expect(await refusal(registry.deprecations.deprecateOperations({ contract: 'orders-undo', operations: ['DELETE /orders/{orderId}'], sunsetAt: inDays(10) }, admin))).toMatchObject({ code: 'sunset-too-soon' });

    now = inDays(41);
    const blocked = await refusal(registry.versions.publish({ contract: 'orders-undo', version: '1.1.0', document: withoutDelete }, admin));
    expect((blocked.details.findings as { id: string; level: string }[]).filter((f) => f.level === 'error').map((f) => f.id)).toEqual(['operation-removed']);
  });
});

describe('deprecating contracts and versions', () => {
  it('deprecates a contract with a sunset, audited and announced to every approved consumer', async () => {
    now = START;
    await contract('orders-whole');
    const pos = await registry.subscriptions.request({ contract: 'orders-whole', consumer: 'pos', range: '^1.0.0', operations: ['GET /orders'] }, admin);
    await registry.subscriptions.approve(pos.id, admin);
    events.length = 0;

    const sunsetAt = inDays(180);
    const result = await registry.deprecations.deprecateContract({ contract: 'orders-whole', sunsetAt, note: 'moving to orders-v2' }, admin);
    expect(result).toMatchObject({ contract: 'orders-whole', lifecycle: 'deprecated', sunsetAt });
    expect(await registry.contracts.get('orders-whole')).toMatchObject({ lifecycle: 'deprecated', sunsetAt });
    expect(events).toEqual([expect.objectContaining({ scope: 'contract', contract: 'orders-whole', note: 'moving to orders-v2', consumers: [{ subscriptionId: pos.id, systemId: expect.any(String) }] })]);
    expect((await auditOf('orders-whole')).at(-1)).toEqual({ action: 'contract.deprecated', summary: { sunsetAt: sunsetAt.toISOString(), note: 'moving to orders-v2' } });

    expect(await refusal(registry.deprecations.deprecateContract({ contract: 'orders-whole', sunsetAt: inDays(100) }, admin))).toMatchObject({ code: 'sunset-brought-forward' });
    // Deprecated is not retired: versions can still be published until the owner retires it.
    expect((await registry.versions.publish({ contract: 'orders-whole', version: '1.0.1', document: v1 }, admin)).created).toBe(true);
  });

  it('deprecates one version, changing nothing else about it', async () => {
    now = START;
    await contract('orders-version');
    const before = await registry.versions.get('orders-version', '1.0.0');
    expect(before).toMatchObject({ deprecatedAt: null, sunsetAt: null, deprecationNote: null });
    const sunsetAt = inDays(90);
    const result = await registry.deprecations.deprecateVersion({ contract: 'orders-version', version: '1.0.0', sunsetAt, note: 'upgrade to 2.x' }, admin);
    expect(result.versions).toEqual([{ version: '1.0.0', deprecatedAt: START, sunsetAt, note: 'upgrade to 2.x' }]);

    const after = await registry.versions.get('orders-version', '1.0.0');
    expect(after).toEqual({ ...before, deprecatedAt: START, sunsetAt, deprecationNote: 'upgrade to 2.x' });
    expect((await registry.versions.list('orders-version', {})).items[0]).toMatchObject({ deprecatedAt: START, sunsetAt });

    // Deprecated again later: the first deprecation time and the note stay, the sunset moves.
    now = inDays(1);
    const moved = await registry.deprecations.deprecateVersion({ contract: 'orders-version', version: '1.0.0', sunsetAt: inDays(120) }, admin);
    expect(moved.versions[0]).toEqual({ version: '1.0.0', deprecatedAt: START, sunsetAt: inDays(120), note: 'upgrade to 2.x' });
    expect(await refusal(registry.deprecations.deprecateVersion({ contract: 'orders-version', version: '9.9.9', sunsetAt: inDays(120) }, admin))).toMatchObject({ code: 'not-found' });
  });

  it('keeps retired contracts closed: no publishes, checks or deprecations', async () => {
    now = START;
    await contract('orders-retired');
    await registry.contracts.update('orders-retired', { lifecycle: 'retired' }, admin);
    expect(await refusal(registry.versions.publish({ contract: 'orders-retired', version: '1.1.0', document: v1 }, admin))).toMatchObject({ code: 'contract-retired' });
    expect(await refusal(registry.checks.run({ contract: 'orders-retired', version: '1.1.0', document: v1 }, admin))).toMatchObject({ code: 'contract-retired' });
    expect(await refusal(registry.deprecations.deprecateContract({ contract: 'orders-retired', sunsetAt: inDays(60) }, admin))).toMatchObject({ code: 'contract-retired' });
  });

  it('asks the access policy: an anonymous caller may not deprecate', async () => {
    now = START;
    await contract('orders-anonymous');
    expect(await refusal(registry.deprecations.deprecateContract({ contract: 'orders-anonymous', sunsetAt: inDays(60) }, { kind: 'anonymous' }))).toMatchObject({ code: 'unauthenticated' });
    expect(await refusal(registry.deprecations.deprecateOperations({ contract: 'orders-anonymous', operations: ['GET /orders'], sunsetAt: inDays(60) }, { kind: 'anonymous' }))).toMatchObject({ code: 'unauthenticated' });
    expect((await registry.contracts.get('orders-anonymous')).lifecycle).toBe('draft');
  });
});

describe('changing the lifecycle outside the deprecate operation', () => {
  it('enters deprecated only through the deprecate operation, which sets the sunset', async () => {
    now = START;
    await contract('orders-patch-deprecated');
    const patched = await refusal(registry.contracts.update('orders-patch-deprecated', { lifecycle: 'deprecated' }, admin));
    expect(patched).toMatchObject({ code: 'invalid-input', issues: [{ pointer: '/lifecycle' }] });
    expect(patched.message).toContain('POST /api/v1/contracts/orders-patch-deprecated/deprecate');
    const created = await refusal(registry.contracts.create({ slug: 'orders-born-deprecated', name: 'x', system: 'orders', lifecycle: 'deprecated' }, admin));
    expect(created).toMatchObject({ code: 'invalid-input', issues: [{ pointer: '/lifecycle' }] });
    expect((await registry.contracts.get('orders-patch-deprecated')).lifecycle).toBe('draft');
  });

  it('keeps a deprecated contract to its sunset: no way back to active, no retiring before it, retiring after it', async () => {
    now = START;
    await contract('orders-promised');
    const pos = await registry.subscriptions.request({ contract: 'orders-promised', consumer: 'pos', range: '^1.0.0', operations: ['GET /orders'] }, admin);
    await registry.subscriptions.approve(pos.id, admin);
    const sunsetAt = inDays(60);
    await registry.deprecations.deprecateContract({ contract: 'orders-promised', sunsetAt }, admin);

    for (const lifecycle of ['active', 'draft'] as const) {
      expect(await refusal(registry.contracts.update('orders-promised', { lifecycle }, admin))).toMatchObject({ code: 'invalid-transition', issues: [{ pointer: '/lifecycle' }] });
    }
    const early = await refusal(registry.contracts.update('orders-promised', { lifecycle: 'retired' }, admin));
    expect(early).toMatchObject({ code: 'invalid-transition', issues: [{ pointer: '/lifecycle' }] });
    expect(early.message).toContain(sunsetAt.toISOString());
    // Other fields still change while it waits for its sunset.
    expect((await registry.contracts.update('orders-promised', { lifecycle: 'deprecated', description: 'going away' }, admin)).description).toBe('going away');
    expect(await registry.contracts.get('orders-promised')).toMatchObject({ lifecycle: 'deprecated', sunsetAt });

    now = new Date(sunsetAt.getTime() + 1);
    expect(await refusal(registry.contracts.update('orders-promised', { lifecycle: 'active' }, admin))).toMatchObject({ code: 'invalid-transition' });
    expect((await registry.contracts.update('orders-promised', { lifecycle: 'retired' }, admin)).lifecycle).toBe('retired');
  });

  it('retires a contract nobody was promised anything about directly, and asks for a deprecation once a subscription is approved', async () => {
    now = START;
    await contract('orders-unused');
    await registry.subscriptions.request({ contract: 'orders-unused', consumer: 'pos', range: '^1.0.0', operations: ['GET /orders'] }, admin);
    expect((await registry.contracts.update('orders-unused', { lifecycle: 'retired' }, admin)).lifecycle).toBe('retired');

    await contract('orders-used');
    const web = await registry.subscriptions.request({ contract: 'orders-used', consumer: 'web', range: '^1.0.0', operations: ['GET /orders'] }, admin);
    await registry.subscriptions.approve(web.id, admin);
    expect((await registry.contracts.update('orders-used', { lifecycle: 'active' }, admin)).lifecycle).toBe('active');
    const retire = await refusal(registry.contracts.update('orders-used', { lifecycle: 'retired' }, admin));
    expect(retire).toMatchObject({ code: 'invalid-transition', issues: [{ pointer: '/lifecycle' }] });
    expect(retire.message).toContain('deprecate it with a sunset first');
  });
});
