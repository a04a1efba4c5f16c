import { randomBytes } from 'node:crypto';
import { connect as connectAmqp } from 'amqplib';
import { connect as connectNats, headers as natsHeaders } from '@nats-io/transport-node';
import { connectAsync as connectMqtt } from 'mqtt';
import { afterAll, describe, expect, it } from 'vitest';
import { brokerChannelsOf } from './broker-channels.js';
import { openBrokerTap, type BrokerTap } from './broker-tap.js';
import type { BrokerProtocol } from './channel-matcher.js';
import { createBrokerListener } from './create-broker-listener.js';
import { createSchemaCompiler } from './create-schema-compiler.js';
import { createTrafficRecorder } from './traffic-recorder.js';
import { tapPatterns } from './tap-patterns.js';
import type { TrafficWindow } from '../shared/index.js';
import { stockEventsDocument, validAdjustment } from './__fixtures__/stock-events-document.js';

const MQTT_URL = 'mqtt://127.0.0.1:1883';
const AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';
const NATS_URL = 'nats://127.0.0.1:4222';

const taps: BrokerTap[] = [];
afterAll(async () => {
  await Promise.all(taps.map((t) => t.close()));
});

/** A listener on a real broker for a contract of its own, and a way to wait until it heard `n` messages. */
async function listen({ url, protocol, document, queueSize }: { url: string; protocol: BrokerProtocol; document: Record<string, unknown>; queueSize?: number }) {
  const channels = brokerChannelsOf(document);
  const recorder = createTrafficRecorder({ contract: 'stock-events', environment: 'test', version: '1.0.0', source: 'listener', onWindow: () => undefined });
  const compiler = createSchemaCompiler({ document });
  const listener = createBrokerListener({ channels, protocol, validatorAt: (pointer) => compiler.compileAt(pointer), recorder, ...(queueSize ? { queueSize } : {}) });
  let heard = 0;
  const waiting: { n: number; resolve: () => void }[] = [];
  const tap = await openBrokerTap({
    url,
    patterns: tapPatterns(channels, protocol),
    onMessage: (message) => {
      heard++;
      listener.receive(message);
      for (const w of waiting.filter((w) => heard >= w.n)) w.resolve();
    },
  });
  taps.push(tap);
  return {
    tap,
    /** The window once `n` messages were heard and every queued one validated. */
    async windowAfter(n: number) {
      if (heard < n) await new Promise<void>((resolve) => waiting.push({ n, resolve }));
      await listener.drained();
      return recorder.flush();
    },
  };
}

const prefixFor = (protocol: string) => `accordtest-${protocol}-${randomBytes(4).toString('hex')}`;

/** What every broker must show for one valid, two invalid and one undocumented message. */
function expectValidationCounts(window: TrafficWindow, { adjusted, undocumented }: { adjusted: string; undocumented: string }) {
  const operation = window.operations.find((o) => o.operation === `send ${adjusted}`);
  expect(operation).toMatchObject({ requests: 3, violations: 2, messages: { seen: 3, validated: 3, dropped: 0 } });
  expect(window.violations).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ operation: `send ${adjusted}`, pointer: '/payload/quantityDelta', rule: 'message-payload-schema', count: 1 }),
      expect.objectContaining({ operation: `send ${adjusted}`, pointer: '/payload/sku', rule: 'message-payload-schema', count: 1 }),
    ]),
  );
  expect(window.violations.find((v) => v.pointer === '/payload/quantityDelta')!.message).toContain('must be integer');
  expect(window.undocumented).toEqual([{ request: `receive ${undocumented}`, consumer: 'unknown', count: 1 }]);
}

describe('accord listen on MQTT', () => {
  it('counts valid and invalid payloads per operation, with pointers, and a topic no channel documents', async () => {
    const prefix = prefixFor('mqtt');
    const { tap, windowAfter } = await listen({ url: MQTT_URL, protocol: 'mqtt', document: stockEventsDocument({ prefix, separator: '/' }) });
    expect(tap.subscribed).toEqual([`${prefix}/stock/# QoS 1`]);
    const publisher = await connectMqtt(MQTT_URL, { protocolVersion: 5 });
    try {
      const send = (topic: string, body: unknown) => publisher.publishAsync(`${prefix}/${topic}`, JSON.stringify(body), { qos: 1 });
      await send('stock/s1/adjusted', validAdjustment);
      await send('stock/s2/adjusted', { sku: 'SKU-2', quantityDelta: 'three' });
      await send('stock/s3/adjusted', { quantityDelta: 1, password: 'hunter2' });
      await send('stock/s1/removed', validAdjustment);
      const window = await windowAfter(4);
      expectValidationCounts(window, { adjusted: `${prefix}/stock/{storeId}/adjusted`, undocumented: `${prefix}/stock/s1/removed` });
      const sample = window.violations.find((v) => v.pointer === '/payload/sku')!.sample!;
      expect(sample).toContain('"password":"[redacted]"');
      expect(sample).not.toContain('hunter2');
    } finally {
      await publisher.endAsync();
    }
  });

  it('validates headers from MQTT 5 user properties and measures latency from CloudEvents binary mode', async () => {
    const prefix = prefixFor('mqtt');
    const { windowAfter } = await listen({ url: MQTT_URL, protocol: 'mqtt', document: stockEventsDocument({ prefix, separator: '/' }) });
    const publisher = await connectMqtt(MQTT_URL, { protocolVersion: 5 });
    try {
      // Sent "five seconds ago" by the producer's clock: the latency cannot be less than that.
      const time = new Date(Date.now() - 5_000).toISOString();
      await publisher.publishAsync(`${prefix}/stock/s1/adjusted`, JSON.stringify(validAdjustment), { qos: 1, properties: { userProperties: { specversion: '1.0', time, 'x-store-region': 'west' } } });
      const window = await windowAfter(1);
      const [operation] = window.operations;
      expect(operation!.latency).toHaveLength(1);
      expect(operation!.latencySumMs).toBeGreaterThanOrEqual(5_000);
      expect(window.violations).toEqual([expect.objectContaining({ pointer: '/headers/x-store-region', rule: 'message-headers-schema' })]);
    } finally {
      await publisher.endAsync();
    }
  });
});

describe('accord listen on AMQP 0-9-1', () => {
  it('taps the exchange with a queue of its own and counts valid, invalid and undocumented messages', async () => {
    const prefix = prefixFor('amqp');
    const exchange = `${prefix}-exchange`;
    const connection = await connectAmqp(AMQP_URL);
    const channel = await connection.createChannel();
    await channel.assertExchange(exchange, 'topic', { durable: false, autoDelete: false });
    // A real consumer's queue on the same routing keys: the tap must leave its messages alone.
    const { queue: consumers } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(consumers, exchange, `${prefix}.stock.*.adjusted`);
    try {
      const { tap, windowAfter } = await listen({ url: AMQP_URL, protocol: 'amqp', document: stockEventsDocument({ prefix, separator: '.', exchange }) });
      expect(tap.subscribed).toEqual([`${exchange} ${prefix}.stock.#`]);
      const send = (key: string, body: unknown, headers: Record<string, string> = {}) => channel.publish(exchange, `${prefix}.${key}`, Buffer.from(JSON.stringify(body)), { headers, contentType: 'application/json' });
      send('stock.s1.adjusted', validAdjustment, { 'x-store-region': 'north' });
      send('stock.s2.adjusted', { sku: 'SKU-2', quantityDelta: 'three' });
      send('stock.s3.adjusted', { quantityDelta: 1 });
      send('stock.s1.removed', validAdjustment);
      const window = await windowAfter(4);
      expectValidationCounts(window, { adjusted: `${prefix}.stock.{storeId}.adjusted`, undocumented: `${prefix}.stock.s1.removed` });
      expect((await channel.checkQueue(consumers)).messageCount).toBe(3);
    } finally {
      await channel.deleteExchange(exchange);
      await connection.close();
    }
  });
});

describe('accord listen on NATS', () => {
  it('counts valid and invalid payloads and a subject no channel documents; oneOf messages pass when one matches', async () => {
    const prefix = prefixFor('nats');
    const { tap, windowAfter } = await listen({ url: NATS_URL, protocol: 'nats', document: stockEventsDocument({ prefix, separator: '.' }) });
    expect(tap.subscribed).toEqual([`${prefix}.stock.>`]);
    const nc = await connectNats({ servers: NATS_URL });
    try {
      const send = (subject: string, body: unknown) => nc.publish(`${prefix}.${subject}`, JSON.stringify(body));
      send('stock.s1.adjusted', validAdjustment);
      send('stock.s2.adjusted', { sku: 'SKU-2', quantityDelta: 'three' });
      send('stock.s3.adjusted', { quantityDelta: 1 });
      send('stock.s1.removed', validAdjustment);
      send('stock.counted', { countId: 'c1', lines: 12 });
      send('stock.counted', { countId: 'c1', startedAt: '2026-12-07T02:00:00Z' });
      send('stock.counted', { countId: 'c1', lines: -1 });
      await nc.flush();
      const window = await windowAfter(7);
      expectValidationCounts(window, { adjusted: `${prefix}.stock.{storeId}.adjusted`, undocumented: `${prefix}.stock.s1.removed` });
      expect(window.operations.find((o) => o.operation === `send ${prefix}.stock.counted`)).toMatchObject({ violations: 1, messages: { seen: 3, validated: 3, dropped: 0 } });
      expect(window.violations.find((v) => v.operation === `send ${prefix}.stock.counted`)).toMatchObject({ pointer: '/payload/lines', message: expect.stringContaining('CountClosed') });
    } finally {
      await nc.close();
    }
  });

  it('measures latency from a structured CloudEvent and validates the payload in its data', async () => {
    const prefix = prefixFor('nats');
    const { windowAfter } = await listen({ url: NATS_URL, protocol: 'nats', document: stockEventsDocument({ prefix, separator: '.' }) });
    const nc = await connectNats({ servers: NATS_URL });
    try {
      const time = new Date(Date.now() - 5_000).toISOString();
      const event = (data: unknown) => JSON.stringify({ specversion: '1.0', id: randomBytes(4).toString('hex'), source: '/inventory', type: 'stock.adjusted', time, data });
      nc.publish(`${prefix}.stock.s1.adjusted`, event(validAdjustment));
      nc.publish(`${prefix}.stock.s1.adjusted`, event({ sku: 'SKU-1', quantityDelta: 0.5 }));
      // Binary mode over NATS: the time travels as a header.
      const h = natsHeaders();
      h.set('ce-time', time);
      nc.publish(`${prefix}.stock.s2.adjusted`, JSON.stringify(validAdjustment), { headers: h });
      await nc.flush();
      const window = await windowAfter(3);
      const [operation] = window.operations;
      expect(operation).toMatchObject({ violations: 1, messages: { seen: 3, validated: 3, dropped: 0 } });
      expect(operation!.latency.reduce((n, [, count]) => n + count, 0)).toBe(3);
      expect(operation!.latencySumMs).toBeGreaterThanOrEqual(15_000);
      expect(window.violations).toEqual([expect.objectContaining({ pointer: '/payload/data/quantityDelta', rule: 'message-payload-schema' })]);
    } finally {
      await nc.close();
    }
  });

  it('counts what a full queue cannot take as dropped, so seen = validated + dropped', async () => {
    const prefix = prefixFor('nats');
    const { windowAfter } = await listen({ url: NATS_URL, protocol: 'nats', document: stockEventsDocument({ prefix, separator: '.' }), queueSize: 4 });
    const nc = await connectNats({ servers: NATS_URL });
    try {
      const body = JSON.stringify(validAdjustment);
      for (let i = 0; i < 5_000; i++) nc.publish(`${prefix}.stock.s${i % 7}.adjusted`, body);
      await nc.flush();
      const window = await windowAfter(5_000);
      const { seen, validated, dropped } = window.operations[0]!.messages!;
      expect(seen).toBe(5_000);
      expect(dropped).toBeGreaterThan(0);
      expect(validated + dropped).toBe(seen);
    } finally {
      await nc.close();
    }
  });
});
