import { describe, expect, it } from 'vitest';
import { brokerChannelsOf } from './broker-channels.js';
import { createChannelMatcher } from './channel-matcher.js';
import { tapPatterns } from './tap-patterns.js';
import { stockEventsDocument } from './__fixtures__/stock-events-document.js';

const asyncApi2 = {
  asyncapi: '2.6.0',
  info: { title: 'Orders', version: '1.0.0' },
  channels: {
    'orders/{region}/created': {
      parameters: { region: { schema: { type: 'string' } } },
      subscribe: { bindings: { mqtt: { qos: 0 } }, message: { oneOf: [{ $ref: '/components/messages/OrderCreated' }, { $ref: '/components/messages/OrderImported' }] } },
      publish: { message: { $ref: '/components/messages/OrderCreated' } },
    },
    'orders/archived': {
      subscribe: { message: { name: 'OrderArchived', schemaFormat: 'application/vnd.apache.avro;version=1.9.0', payload: { type: 'record' } } },
    },
    'orders/unused': {},
  },
  components: {
    messages: {
      OrderCreated: { name: 'OrderCreated', 'x-accord-time-header': 'sent-at', payload: { type: 'object' } },
      OrderImported: { messageId: 'OrderImported', payload: { type: 'object' }, headers: { type: 'object' } },
    },
  },
};

describe('brokerChannelsOf', () => {
  it('reads AsyncAPI 2.x channels with both operations, oneOf messages and their schemas by pointer', () => {
    expect(brokerChannelsOf(asyncApi2)).toEqual([
      {
        address: 'orders/{region}/created',
        operations: ['send orders/{region}/created', 'receive orders/{region}/created'],
        messages: [
          { name: 'OrderCreated', payload: '/components/messages/OrderCreated/payload', timeHeader: 'sent-at' },
          { name: 'OrderImported', payload: '/components/messages/OrderImported/payload', headers: '/components/messages/OrderImported/headers' },
        ],
        mqttQos: 0,
      },
      // An Avro payload is not JSON Schema: the message is counted, not validated.
      { address: 'orders/archived', operations: ['send orders/archived'], messages: [{ name: 'OrderArchived' }] },
    ]);
  });

  it('reads AsyncAPI 3.0 operations through their channel references, with AMQP bindings', () => {
    const channels = brokerChannelsOf(stockEventsDocument({ prefix: 'p', separator: '.', exchange: 'stock' }));
    expect(channels.map((c) => [c.address, c.operations, c.messages.map((m) => m.name), c.amqp])).toEqual([
      ['p.stock.{storeId}.adjusted', ['send p.stock.{storeId}.adjusted'], ['StockAdjusted'], { exchange: 'stock', exchangeType: 'topic' }],
      ['p.stock.counted', ['send p.stock.counted'], ['CountStarted', 'CountClosed'], { exchange: 'stock', exchangeType: 'topic' }],
    ]);
  });
});

describe('tapPatterns and the channel matcher', () => {
  const channels = brokerChannelsOf(asyncApi2);

  it('subscribes under the common prefix to hear undocumented topics too, with the QoS the contract asks for', () => {
    expect(tapPatterns(channels, 'mqtt')).toEqual([{ pattern: 'orders/#', qos: 1 }]);
    expect(tapPatterns(channels, 'mqtt', { wide: false })).toEqual([
      { pattern: 'orders/+/created', qos: 1 },
      { pattern: 'orders/archived', qos: 1 },
    ]);
    expect(tapPatterns(channels.slice(0, 1), 'mqtt', { wide: false })).toEqual([{ pattern: 'orders/+/created', qos: 0 }]);
  });

  it('never reads a named queue and cannot wildcard a direct exchange', () => {
    const queued = [{ address: 'orders.created', operations: ['send orders.created'], messages: [], amqp: { queue: 'orders' } }];
    expect(tapPatterns(queued, 'amqp')).toEqual([{ pattern: 'orders.created', skipped: 'queue "orders" names no exchange; a tap never consumes from a real queue' }]);
    const direct = [
      { address: 'orders.{id}', operations: ['send orders.{id}'], messages: [], amqp: { exchange: 'x', exchangeType: 'direct' } },
      { address: 'orders.all', operations: ['send orders.all'], messages: [], amqp: { exchange: 'x', exchangeType: 'direct' } },
    ];
    expect(tapPatterns(direct, 'amqp')).toEqual([
      { pattern: 'orders.all', exchange: 'x', exchangeType: 'direct' },
      { pattern: 'orders.{id}', skipped: 'a direct exchange ("x") has no wildcards for the parameters of "orders.{id}"' },
    ]);
    const unbound = [{ address: 'a.b', operations: ['send a.b'], messages: [] }];
    expect(tapPatterns(unbound, 'amqp')).toEqual([{ pattern: 'a.#', exchange: 'amq.topic', exchangeType: 'topic' }]);
    expect(tapPatterns(unbound, 'amqp', { wide: false })).toEqual([{ pattern: 'a.b', exchange: 'amq.topic', exchangeType: 'topic' }]);
  });

  it('matches a parameter to exactly one level of the address', () => {
    const channelOf = createChannelMatcher(channels, 'mqtt');
    expect(channelOf('orders/eu/created')?.address).toBe('orders/{region}/created');
    expect(channelOf('orders/eu/west/created')).toBeUndefined();
    expect(channelOf('orders/archived')?.address).toBe('orders/archived');
    expect(channelOf('orders/eu/deleted')).toBeUndefined();
  });
});
