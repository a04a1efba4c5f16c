import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AccordError } from '../shared/errors.js';
import { parseSpec } from '../spec/index.js';
import { diffAsyncApi } from './diff-asyncapi.js';
import { diffDocuments } from './diff-documents.js';
import { findBreakingChanges } from './find-breaking-changes.js';
import { loadRuleFixture } from './rules/__fixtures__/rule-fixture.js';

const ref = (to: string) => ({ $ref: to });

/** A fresh copy of a rule fixture, the richest documents at hand: every binding, traits, shared schemas. */
function fixture(id: string, name: 'base' | 'fires' = 'base'): Record<string, any> {
  return loadRuleFixture(id)[name] as Record<string, any>;
}

/** An AsyncAPI 2.6 document with one channel whose operation (`publish` or `subscribe`) carries an order. */
function orders2(verb: 'publish' | 'subscribe', order: object, address = 'orders.{orderId}') {
  return {
    asyncapi: '2.6.0',
    info: { title: 'Orders', version: '1.0.0' },
    channels: {
      [address]: {
        parameters: { [address.slice(address.indexOf('{') + 1, -1)]: { schema: { type: 'string' } } },
        [verb]: { message: ref('#/components/messages/Order') },
      },
    },
    components: { messages: { Order: { name: 'Order', payload: ref('#/components/schemas/Order') } }, schemas: { Order: order } },
  };
}

/** The same in AsyncAPI 3.0, with `send` or `receive` on a channel. */
function orders3(action: 'send' | 'receive', order: object, address = 'orders.{orderId}') {
  return {
    asyncapi: '3.0.0',
    info: { title: 'Orders', version: '1.0.0' },
    channels: {
      orders: {
        address,
        parameters: { [address.slice(address.indexOf('{') + 1, -1)]: {} },
        messages: { order: ref('#/components/messages/Order') },
      },
    },
    operations: { handleOrder: { action, channel: ref('#/channels/orders'), messages: [ref('#/channels/orders/messages/order')] } },
    components: { messages: { Order: { name: 'Order', payload: ref('#/components/schemas/Order') } }, schemas: { Order: order } },
  };
}

/**
 * Stock events on one channel the application both sends (2.x `subscribe`) and receives (`publish`);
 * `lifecycle` goes on the send operation, `channel` on the channel. `omit` leaves out the send
 * operation, or the whole channel.
 */
function stock2({ lifecycle = {}, channel = {}, omit }: { lifecycle?: object; channel?: object; omit?: 'send' | 'channel' } = {}) {
  const message = { name: 'Adjusted', payload: { type: 'object' } };
  const item = { ...channel, ...(omit !== 'send' && { subscribe: { ...lifecycle, message } }), publish: { message } };
  return { asyncapi: '2.6.0', info: { title: 'Stock', version: '1.0.0' }, channels: omit === 'channel' ? {} : { 'stock.adjusted': item } };
}

/** The same in AsyncAPI 3.0. `also` adds operation objects, which the reader merges with those of the same action. */
function stock3({ lifecycle = {}, channel = {}, omit, also = {} }: { lifecycle?: object; channel?: object; omit?: 'send' | 'channel'; also?: Record<string, object> } = {}) {
  const on = { channel: ref('#/channels/stock') };
  const operations = { ...(omit !== 'send' && { onAdjusted: { action: 'send', ...on, ...lifecycle } }), adjust: { action: 'receive', ...on }, ...also };
  return {
    asyncapi: '3.0.0',
    info: { title: 'Stock', version: '1.0.0' },
    channels: { stock: { address: 'stock.adjusted', ...channel, messages: { adjusted: { name: 'Adjusted', payload: { type: 'object' } } } } },
    operations: omit === 'channel' ? {} : operations,
  };
}

const NOW = new Date('2026-06-01T00:00:00Z');
const PASSED = '2026-01-01';
const AHEAD = '2026-12-31';
const judged = (base: object, head: object, options: { now?: Date } = { now: NOW }) => findBreakingChanges(base, head, options).map((finding) => `${finding.level} ${finding.id}: ${finding.message}`);

const order = (maxLength: number) => ({ type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength } } });

function example(contract: string, version: string): string {
  return readFileSync(new URL(`../../specs/examples/${contract}/${version}.yaml`, import.meta.url), 'utf8');
}

describe('diffAsyncApi', () => {
  it('finds nothing between a document and itself, for 2.6 and 3.0', () => {
    for (const doc of [fixture('mqtt-qos-decreased'), fixture('mqtt-qos-increased')]) expect(diffAsyncApi(doc, structuredClone(doc))).toEqual([]);
  });

  it('reports a change to a shared payload schema once, naming every operation that sends it', () => {
    const base = fixture('kafka-partitions-increased');
    const head = structuredClone(base);
    delete head.components.schemas.StockLevel.properties.sku;
    const removed = findBreakingChanges(base, head).filter((finding) => finding.id === 'response-property-removed');
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ operations: ['send stock.audit', 'send stock.{storeId}.levels'], pointer: '/components/schemas/StockLevel/properties/sku' });
  });

  it('judges a payload the application receives as a request and one it sends as a response', () => {
    const cases = [
      [orders2('publish', order(20)), orders2('publish', order(10)), 'request-max-length-decreased', 'receive orders.{orderId}'],
      [orders2('subscribe', order(20)), orders2('subscribe', order(10)), 'response-max-length-decreased', 'send orders.{orderId}'],
      [orders3('receive', order(20)), orders3('receive', order(10)), 'request-max-length-decreased', 'receive orders.{orderId}'],
      [orders3('send', order(20)), orders3('send', order(10)), 'response-max-length-decreased', 'send orders.{orderId}'],
    ] as const;
    for (const [base, head, id, operation] of cases) {
      expect(findBreakingChanges(base, head).map((finding) => [finding.id, finding.operation])).toEqual([[id, operation]]);
    }
  });

  it('matches channels whatever their address parameters are called', () => {
    expect(diffAsyncApi(orders2('subscribe', order(20)), orders2('subscribe', order(20), 'orders.{id}'))).toEqual([]);
    expect(diffAsyncApi(orders3('send', order(20)), orders3('send', order(20), 'orders.{id}'))).toEqual([]);
  });

  it('sees no change when a 2.6 document is migrated to 3.0 as it is', () => {
    expect(diffAsyncApi(orders2('subscribe', order(20)), orders3('send', order(20)))).toEqual([]);
    expect(diffAsyncApi(orders2('publish', order(20)), orders3('receive', order(20)))).toEqual([]);
  });

  it('terminates on circular payload schemas and still finds a change deep inside them', () => {
    const tree = (maxLength: number) => ({
      type: 'object',
      properties: { name: { type: 'string', maxLength }, parent: ref('#/components/schemas/Order'), children: { type: 'array', items: ref('#/components/schemas/Order') } },
    });
    const looping = orders3('send', tree(20)) as Record<string, any>;
    looping.components.messages.Order.headers = ref('#/components/schemas/Loop');
    looping.components.schemas.Loop = ref('#/components/schemas/Again');
    looping.components.schemas.Again = ref('#/components/schemas/Loop');
    expect(diffAsyncApi(looping, structuredClone(looping))).toEqual([]);
    const findings = findBreakingChanges(orders3('send', tree(20)), orders3('send', tree(10)));
    expect(findings.map((finding) => [finding.id, finding.pointer])).toEqual([['response-max-length-decreased', '/components/schemas/Order/properties/name']]);
  });

  it('falls back to the default content type of the document', () => {
    const base = orders2('subscribe', order(20));
    const head = { ...structuredClone(base), defaultContentType: 'application/avro' };
    expect(findBreakingChanges({ ...base, defaultContentType: 'application/json' }, head).map((finding) => finding.id)).toEqual(['message-content-type-changed']);
  });

  describe.each([
    ['2.6', stock2],
    ['3.0', stock3],
  ] as const)('removing a deprecated operation in AsyncAPI %s', (_, stock) => {
    it('is information once the sunset the operation announced has passed', () => {
      expect(judged(stock({ lifecycle: { deprecated: true, 'x-sunset': PASSED } }), stock({ omit: 'send' }))).toEqual([
        'info channel-operation-removed-after-sunset: deprecated operation send stock.adjusted was removed after its sunset on 2026-01-01',
      ]);
    });

    it('is breaking before the sunset, and names it', () => {
      expect(judged(stock({ lifecycle: { deprecated: true, 'x-sunset': AHEAD } }), stock({ omit: 'send' }))).toEqual([
        'error channel-operation-removed-before-sunset: deprecated operation send stock.adjusted was removed before its sunset on 2026-12-31',
      ]);
      expect(judged(stock({ lifecycle: { deprecated: true } }), stock({ omit: 'send' }))).toEqual([
        'error channel-operation-removed-before-sunset: deprecated operation send stock.adjusted was removed without announcing a sunset',
      ]);
    });

    it('counts no sunset as passed without the moment to judge it from', () => {
      expect(judged(stock({ lifecycle: { deprecated: true, 'x-sunset': PASSED } }), stock({ omit: 'send' }), {}).map((line) => line.split(':')[0])).toEqual(['error channel-operation-removed-before-sunset']);
    });

    it('stays an ordinary breaking removal without a deprecation, whatever the sunset says', () => {
      for (const lifecycle of [{}, { 'x-sunset': PASSED }, { deprecated: false, 'x-sunset': PASSED }]) {
        expect(judged(stock({ lifecycle }), stock({ omit: 'send' }))).toEqual(['error channel-operation-removed: operation send stock.adjusted was removed']);
      }
    });

    it('takes the deprecation and sunset a channel announces for every operation on it, the operation’s own sunset first', () => {
      const channel = { deprecated: true, 'x-sunset': PASSED };
      expect(judged(stock({ channel }), stock({ channel, omit: 'send' }))).toEqual([
        'info channel-operation-removed-after-sunset: deprecated operation send stock.adjusted was removed after its sunset on 2026-01-01',
      ]);
      expect(judged(stock({ channel, lifecycle: { 'x-sunset': AHEAD } }), stock({ channel, omit: 'send' }))).toEqual([
        'error channel-operation-removed-before-sunset: deprecated operation send stock.adjusted was removed before its sunset on 2026-12-31',
      ]);
    });

    it('judges a channel whose every operation was deprecated operation by operation, not as a removed channel', () => {
      const channel = { deprecated: true, 'x-sunset': PASSED };
      expect(judged(stock({ channel }), stock({ omit: 'channel' })).map((line) => line.split(':')[0])).toEqual([
        'info channel-operation-removed-after-sunset',
        'info channel-operation-removed-after-sunset',
      ]);
      expect(judged(stock({ channel, lifecycle: { 'x-sunset': AHEAD } }), stock({ omit: 'channel' })).map((line) => line.split(':')[0]).sort()).toEqual([
        'error channel-operation-removed-before-sunset',
        'info channel-operation-removed-after-sunset',
      ]);
    });

    it('keeps removing a channel breaking while one of its operations was not deprecated', () => {
      expect(judged(stock({ lifecycle: { deprecated: true, 'x-sunset': PASSED } }), stock({ omit: 'channel' }))).toEqual([
        'error channel-removed: channel stock.adjusted was removed with send stock.adjusted, receive stock.adjusted',
      ]);
    });
  });

  it('judges a deprecated operation that turned around as a removal against its sunset and an addition', () => {
    const sending = (lifecycle: object) => ({ ...orders3('send', order(20)), operations: { handleOrder: { action: 'send', channel: ref('#/channels/orders'), ...lifecycle } } });
    const receiving = orders3('receive', order(20));
    expect(judged(sending({ deprecated: true, 'x-sunset': PASSED }), receiving).map((line) => line.split(':')[0])).toEqual([
      'info channel-operation-removed-after-sunset',
      'info channel-operation-added',
    ]);
    expect(judged(sending({}), receiving).map((line) => line.split(':')[0])).toEqual(['error channel-operation-action-changed']);
  });

  it('holds a 3.0 operation read from several operation objects to the longest promise any of them made', () => {
    const twice = (first: object, second: object) => stock3({ lifecycle: first, also: { onAdjustedAgain: { action: 'send', channel: ref('#/channels/stock'), ...second } } });
    const gone = stock3({ omit: 'send' });
    const passed = { deprecated: true, 'x-sunset': PASSED };
    expect(judged(twice(passed, {}), gone)).toEqual(['error channel-operation-removed: operation send stock.adjusted was removed']);
    expect(judged(twice(passed, { deprecated: true, 'x-sunset': AHEAD }), gone)).toEqual([
      'error channel-operation-removed-before-sunset: deprecated operation send stock.adjusted was removed before its sunset on 2026-12-31',
    ]);
    expect(judged(twice(passed, { deprecated: true, 'x-sunset': '2026-03-01' }), gone)).toEqual([
      'info channel-operation-removed-after-sunset: deprecated operation send stock.adjusted was removed after its sunset on 2026-03-01',
    ]);
  });

  it('refuses to compare an AsyncAPI document with an OpenAPI one', () => {
    const openapi = { openapi: '3.1.0', info: { title: 'Orders', version: '1.0.0' }, paths: {} };
    const refusal = (() => {
      try {
        diffDocuments(orders3('send', order(20)), openapi);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(AccordError);
    expect((refusal as AccordError).code).toBe('document-kind-mismatch');
  });

  it('finds the example stock events compatible in 1.1.0 and breaking for consumers in 2.0.0', async () => {
    const [v1, v11, v2] = await Promise.all(['1.0.0', '1.1.0', '2.0.0'].map((version) => parseSpec(example('retail/inventory-stock-events', version))));
    if (!v1?.ok || !v11?.ok || !v2?.ok) throw new Error('the examples must be valid');
    const [doc1, doc11, doc2] = [v1, v11, v2].map((spec) => JSON.parse(spec.documentJson) as object);
    const minor = findBreakingChanges(doc1!, doc11!);
    expect(minor.filter((finding) => finding.level !== 'info')).toEqual([]);
    expect(minor.map((finding) => finding.id)).toContain('channel-added');
    const major = findBreakingChanges(doc11!, doc2!).filter((finding) => finding.level === 'error');
    expect(major.map((finding) => [finding.id, finding.pointer])).toEqual([
      ['response-property-removed', '/components/schemas/StockAdjustedPayload/allOf/1/properties/quantity'],
      ['response-property-removed', '/components/schemas/StockLevelChangedPayload/allOf/1/properties/quantityAvailable'],
    ]);
    // Findings name operations exactly as the registry indexes them, so subscriptions match.
    const indexed = new Set(v11.operations.map((operation) => operation.key));
    for (const finding of major) for (const operation of finding.operations) expect(indexed).toContain(operation);
  });
});
