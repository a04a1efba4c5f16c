import { describe, expect, it } from 'vitest';
import { checkCandidate, findBreakingChanges, overlayOperationDeprecations } from './index.js';

/** The value under `keys`, for reading documents whose shape the types do not know. */
const dig = (value: unknown, ...keys: string[]): unknown => keys.reduce((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);

const ok = { responses: { '200': { description: 'ok' } } };
const orders = (paths: Record<string, object>) => ({ openapi: '3.1.0', info: { title: 'Orders', version: '1' }, paths });
const v1 = orders({ '/orders': { get: ok, post: ok }, '/orders/{orderId}': { get: ok, delete: ok } });

const NOW = new Date('2026-06-01T00:00:00Z');
const LATER = '2026-09-01T00:00:00.000Z';
const EARLIER = '2026-03-01T00:00:00.000Z';

describe('overlayOperationDeprecations', () => {
  it('marks a recorded OpenAPI operation deprecated with its sunset, matching path parameters by position', () => {
    const overlaid = overlayOperationDeprecations(v1, [{ operation: 'GET /orders/{id}', sunsetAt: LATER }]);
    expect(dig(overlaid, 'paths', '/orders/{orderId}', 'get')).toEqual({ ...ok, deprecated: true, 'x-sunset': LATER });
    expect(dig(overlaid, 'paths', '/orders/{orderId}', 'delete')).toBe(ok);
    expect(overlaid.paths['/orders']).toBe(v1.paths['/orders']);
  });

  it('leaves the input untouched and returns it as it is when nothing is recorded', () => {
    const before = structuredClone(v1);
    overlayOperationDeprecations(v1, [{ operation: 'POST /orders', sunsetAt: LATER }]);
    expect(v1).toEqual(before);
    expect(overlayOperationDeprecations(v1, [])).toBe(v1);
  });

  it('keeps a later sunset the document gives itself, and replaces an earlier one', () => {
    const documented = (sunset: string) => orders({ '/orders': { get: { ...ok, deprecated: true, 'x-sunset': sunset } } });
    expect(dig(overlayOperationDeprecations(documented('2027-01-01'), [{ operation: 'GET /orders', sunsetAt: LATER }]), 'paths', '/orders', 'get', 'x-sunset')).toBe('2027-01-01');
    expect(dig(overlayOperationDeprecations(documented('2026-07-01'), [{ operation: 'GET /orders', sunsetAt: LATER }]), 'paths', '/orders', 'get', 'x-sunset')).toBe(LATER);
  });

  it('skips operations the document does not have', () => {
    expect(overlayOperationDeprecations(v1, [{ operation: 'PUT /orders', sunsetAt: LATER }])).toEqual(v1);
  });

  it('marks an operation under a path item reached through $ref where the item lives', () => {
    const doc = { openapi: '3.1.0', info: { title: 'Orders', version: '1' }, paths: { '/orders': { $ref: '#/components/pathItems/Orders' } }, components: { pathItems: { Orders: { get: ok } } } };
    const overlaid = overlayOperationDeprecations(doc, [{ operation: 'GET /orders', sunsetAt: LATER }]);
    expect(overlaid.components.pathItems.Orders.get).toMatchObject({ deprecated: true, 'x-sunset': LATER });
    expect(overlaid.paths['/orders']).toEqual({ $ref: '#/components/pathItems/Orders' });
  });

  it('marks 3.1 webhooks by their `webhook <name> <METHOD>` key', () => {
    const doc = { openapi: '3.1.0', info: { title: 'Orders', version: '1' }, webhooks: { orderShipped: { post: ok } } };
    expect(overlayOperationDeprecations(doc, [{ operation: 'webhook orderShipped POST', sunsetAt: LATER }]).webhooks.orderShipped.post).toMatchObject({ deprecated: true });
  });

  it('marks AsyncAPI 2 operations by action and channel, from the application’s point of view', () => {
    const doc = { asyncapi: '2.6.0', info: { title: 'Stock', version: '1' }, channels: { 'stock.adjusted': { subscribe: { message: { payload: { type: 'object' } } }, publish: { message: { payload: { type: 'object' } } } } } };
    const overlaid = overlayOperationDeprecations(doc, [{ operation: 'send stock.adjusted', sunsetAt: LATER }]);
    expect(overlaid.channels['stock.adjusted'].subscribe).toMatchObject({ deprecated: true, 'x-sunset': LATER });
    expect(overlaid.channels['stock.adjusted'].publish).not.toHaveProperty('deprecated');
  });

  it('marks AsyncAPI 3 operations, keyed by action and channel address', () => {
    const doc = {
      asyncapi: '3.0.0',
      info: { title: 'Stock', version: '1' },
      channels: { stockAdjusted: { address: 'stock.adjusted', messages: { adjusted: { payload: { type: 'object' } } } } },
      operations: { onAdjusted: { action: 'receive', channel: { $ref: '#/channels/stockAdjusted' } } },
    };
    const overlaid = overlayOperationDeprecations(doc, [{ operation: 'receive stock.adjusted', sunsetAt: LATER }]);
    expect(overlaid.operations.onAdjusted).toMatchObject({ action: 'receive', deprecated: true, 'x-sunset': LATER });
    expect(overlaid.channels).toBe(doc.channels);
  });

  it('marks every AsyncAPI 3 operation object read into one operation, so none keeps it alive', () => {
    const on = { action: 'send', channel: { $ref: '#/channels/stockAdjusted' } };
    const doc = { asyncapi: '3.0.0', info: { title: 'Stock', version: '1' }, channels: { stockAdjusted: { address: 'stock.adjusted' } }, operations: { publishAdjusted: on, publishAdjustedAgain: on } };
    const overlaid = overlayOperationDeprecations(doc, [{ operation: 'send stock.adjusted', sunsetAt: LATER }]);
    expect(overlaid.operations.publishAdjusted).toMatchObject({ deprecated: true, 'x-sunset': LATER });
    expect(overlaid.operations.publishAdjustedAgain).toMatchObject({ deprecated: true, 'x-sunset': LATER });
  });

  it('keeps a later sunset an AsyncAPI channel announces for its operations', () => {
    const doc = (sunset: string) => ({ asyncapi: '2.6.0', info: { title: 'Stock', version: '1' }, channels: { 'stock.adjusted': { 'x-sunset': sunset, subscribe: { message: { payload: { type: 'object' } } } } } });
    const subscribe = (sunset: string) => overlayOperationDeprecations(doc(sunset), [{ operation: 'send stock.adjusted', sunsetAt: LATER }]).channels['stock.adjusted'].subscribe;
    expect(subscribe('2027-01-01')).toEqual({ deprecated: true, message: { payload: { type: 'object' } } });
    expect(subscribe('2026-07-01')).toMatchObject({ deprecated: true, 'x-sunset': LATER });
  });
});

describe('recorded deprecations in the compatibility check', () => {
  const withoutItem = orders({ '/orders': { get: ok, post: ok }, '/orders/{orderId}': { delete: ok } });
  const ids = (sunsetAt: string) =>
    checkCandidate({ candidate: withoutItem, version: '1.1.0', mode: 'BACKWARD', published: [{ version: '1.0.0', document: v1 }], now: NOW, operationDeprecations: [{ operation: 'GET /orders/{orderId}', sunsetAt }] });

  it('refuses removing a recorded operation before its sunset', () => {
    const result = ids(LATER);
    expect(result.failed).toBe(true);
    expect(result.findings.map((f) => f.id)).toContain('operation-removed-before-sunset');
  });

  it('allows removing it once the sunset passed', () => {
    const result = ids(EARLIER);
    expect(result.failed).toBe(false);
    expect(result.findings.map((f) => f.id)).toEqual(['operation-removed-after-sunset']);
  });

  it('reports nothing for a candidate that keeps the operation without repeating the deprecation', () => {
    const result = checkCandidate({ candidate: v1, version: '1.0.1', mode: 'BACKWARD', published: [{ version: '1.0.0', document: v1 }], now: NOW, operationDeprecations: [{ operation: 'GET /orders/{orderId}', sunsetAt: LATER }] });
    expect(result.findings).toEqual([]);
  });

  it('without a record, the same removal is an ordinary breaking change', () => {
    expect(findBreakingChanges(v1, withoutItem, { now: NOW }).map((f) => f.id)).toEqual(['operation-removed']);
  });
});

describe('recorded deprecations of AsyncAPI operations in the compatibility check', () => {
  const message = { message: { payload: { type: 'object' } } };
  const stock2 = (channel: object) => ({ asyncapi: '2.6.0', info: { title: 'Stock', version: '1' }, channels: { 'stock.adjusted': channel } });
  const stock3 = (operations: object) => ({
    asyncapi: '3.0.0',
    info: { title: 'Stock', version: '1' },
    channels: { stockAdjusted: { address: 'stock.adjusted', messages: { adjusted: { payload: { type: 'object' } } } } },
    operations,
  });
  const on = (action: string) => ({ action, channel: { $ref: '#/channels/stockAdjusted' } });
  const cases = [
    ['2.6', stock2({ subscribe: message, publish: message }), stock2({ publish: message })],
    ['3.0', stock3({ onAdjusted: on('send'), adjust: on('receive') }), stock3({ adjust: on('receive') })],
  ] as const;
  const check = (v1: object, candidate: object, sunsetAt: string) =>
    checkCandidate({ candidate, version: '1.1.0', mode: 'BACKWARD', published: [{ version: '1.0.0', document: v1 }], now: NOW, operationDeprecations: [{ operation: 'send stock.adjusted', sunsetAt }] });

  it.each(cases)('refuses removing a recorded AsyncAPI %s operation before its sunset and allows it afterwards', (_, v1, withoutSend) => {
    const early = check(v1, withoutSend, LATER);
    expect(early.failed).toBe(true);
    expect(early.findings.map((f) => f.id)).toEqual(['channel-operation-removed-before-sunset']);
    const late = check(v1, withoutSend, EARLIER);
    expect(late.failed).toBe(false);
    expect(late.findings.map((f) => f.id)).toEqual(['channel-operation-removed-after-sunset']);
    expect(findBreakingChanges(v1, withoutSend, { now: NOW }).map((f) => f.id)).toEqual(['channel-operation-removed']);
  });
});
