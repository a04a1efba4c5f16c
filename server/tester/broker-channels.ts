import { parseJsonPointer, resolveJsonPointer, toJsonPointer } from '../shared/index.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** One message a channel may carry, located in the document so a validator can be compiled from it. */
export interface ChannelMessage {
  name: string;
  /** JSON pointer (`/components/…`) to the payload schema; absent when the message has none or it is not JSON Schema. */
  payload?: string;
  /** JSON pointer to the headers schema, when the message defines one. */
  headers?: string;
  /** A header that carries the send time, from `x-accord-time-header` on the message or channel. */
  timeHeader?: string;
}

/** Where an AMQP tap binds its own queue so that no real consumer loses a message to it. */
export interface AmqpTapBinding {
  exchange?: string;
  exchangeType?: string;
  /** Named in bindings: used for the report only, a tap never consumes from it. */
  queue?: string;
}

/** A channel the listener subscribes to, with the operations that use it and the messages it may carry. */
export interface BrokerChannel {
  /** The address as documented, parameters included: `stock/{storeId}/adjusted`. */
  address: string;
  /** Operation keys of the version's index (`send stock.adjusted`); the first one is credited with the traffic. */
  operations: string[];
  messages: ChannelMessage[];
  amqp?: AmqpTapBinding;
  /** MQTT QoS the contract names for the channel's operations, when it does. */
  mqttQos?: number;
}

interface Located {
  node: unknown;
  pointer: string;
}

/**
 * Reads the channels an AsyncAPI 2.x or 3.0 document's operations use. Operation keys follow the
 * registry's index (`send`/`receive` from the application's side; 2.x `subscribe` is `send`), so
 * the windows a listener reports line up with the operations consumers subscribe to.
 */
export function brokerChannelsOf(document: unknown): BrokerChannel[] {
  if (!isObj(document)) return [];
  const version = str(document.asyncapi) ?? '';
  return version.startsWith('3.') ? channelsOf3(document) : channelsOf2(document);
}

/** Follows internal references, keeping the pointer of the node reached. */
function locate(doc: Obj, start: Located): Located {
  let { node, pointer } = start;
  for (let hops = 0; isObj(node) && typeof node.$ref === 'string' && hops < 16; hops++) {
    // Only internal references: ingest refused every other kind before the version was stored.
    pointer = node.$ref.startsWith('#') ? node.$ref.slice(1) : node.$ref;
    node = resolveJsonPointer(doc, pointer);
  }
  return { node, pointer };
}

const child = (at: Located, ...keys: (string | number)[]): Located => ({
  node: keys.reduce<unknown>((n, k) => (isObj(n) || Array.isArray(n) ? (n as Record<string | number, unknown>)[k] : undefined), at.node),
  pointer: `${at.pointer}${toJsonPointer(keys)}`,
});

function channelsOf2(doc: Obj): BrokerChannel[] {
  const channels: BrokerChannel[] = [];
  const root: Located = { node: doc, pointer: '' };
  for (const address of Object.keys(isObj(doc.channels) ? doc.channels : {})) {
    const item = locate(doc, child(root, 'channels', address));
    if (!isObj(item.node)) continue;
    const operations: string[] = [];
    const messages: ChannelMessage[] = [];
    let mqttQos: number | undefined;
    for (const [verb, action] of [['subscribe', 'send'], ['publish', 'receive']] as const) {
      const op = locate(doc, child(item, verb));
      if (!isObj(op.node)) continue;
      operations.push(`${action} ${address}`);
      messages.push(...messagesOf(doc, child(op, 'message'), item));
      mqttQos ??= qosOf(op.node);
    }
    if (operations.length === 0) continue;
    channels.push({ address, operations, messages: unique(messages), ...amqpOf(item.node), ...(mqttQos === undefined ? {} : { mqttQos }) });
  }
  return channels;
}

function channelsOf3(doc: Obj): BrokerChannel[] {
  const byAddress = new Map<string, BrokerChannel>();
  const root: Located = { node: doc, pointer: '' };
  for (const id of Object.keys(isObj(doc.operations) ? doc.operations : {})) {
    const op = locate(doc, child(root, 'operations', id));
    if (!isObj(op.node) || (op.node.action !== 'send' && op.node.action !== 'receive')) continue;
    const channelRef = isObj(op.node.channel) ? str(op.node.channel.$ref) : undefined;
    const channel = locate(doc, child(op, 'channel'));
    const channelKey = parseJsonPointer(channelRef ?? '')?.pop() ?? id;
    const address = (isObj(channel.node) && str(channel.node.address)) || channelKey;
    const messages = Array.isArray(op.node.messages)
      ? op.node.messages.flatMap((_, i) => messagesOf(doc, child(op, 'messages', i), channel))
      : Object.keys(isObj(channel.node) && isObj(channel.node.messages) ? channel.node.messages : {}).flatMap((key) => messagesOf(doc, child(channel, 'messages', key), channel));
    const existing = byAddress.get(address);
    const key = `${op.node.action} ${address}`;
    const qos = qosOf(op.node);
    if (existing) {
      if (!existing.operations.includes(key)) existing.operations.push(key);
      existing.messages = unique([...existing.messages, ...messages]);
      existing.mqttQos ??= qos;
      continue;
    }
    byAddress.set(address, { address, operations: [key], messages: unique(messages), ...amqpOf(channel.node), ...(qos === undefined ? {} : { mqttQos: qos }) });
  }
  // The provider's own `send` names the traffic first: it is what the listener watches on the wire.
  for (const c of byAddress.values()) c.operations.sort((a, b) => Number(b.startsWith('send ')) - Number(a.startsWith('send ')));
  return [...byAddress.values()];
}

/** Messages of `message`, `message.oneOf` (2.x) or one message reference (3.0); `seen` stops cycles. */
function messagesOf(doc: Obj, at: Located, channel: Located, seen = new Set<string>()): ChannelMessage[] {
  const message = locate(doc, at);
  if (!isObj(message.node) || seen.has(message.pointer)) return [];
  seen.add(message.pointer);
  if (Array.isArray(message.node.oneOf)) return message.node.oneOf.flatMap((_, i) => messagesOf(doc, child(message, 'oneOf', i), channel, seen));
  const m = message.node;
  const name = str(m.name) ?? str(m.messageId) ?? parseJsonPointer(message.pointer)?.pop() ?? 'message';
  const timeHeader = str(m['x-accord-time-header']) ?? (isObj(channel.node) ? str(channel.node['x-accord-time-header']) : undefined);
  return [{ name, ...payloadOf(doc, message), ...(isObj(m.headers) ? { headers: `${message.pointer}/headers` } : {}), ...(timeHeader ? { timeHeader } : {}) }];
}

const JSON_SCHEMA_FORMAT = /^application\/(vnd\.aai\.asyncapi(\+json|\+yaml)?|schema(\+json|\+yaml)?)(;|$)/;

function payloadOf(doc: Obj, message: Located): { payload?: string } {
  const m = message.node as Obj;
  if (!isObj(m.payload)) return {};
  // 3.0 multi-format schema object: `{ schemaFormat, schema }`; 2.x puts schemaFormat on the message.
  const payload = locate(doc, child(message, 'payload'));
  if (isObj(payload.node) && typeof payload.node.schemaFormat === 'string' && 'schema' in payload.node) {
    return JSON_SCHEMA_FORMAT.test(payload.node.schemaFormat) ? { payload: `${payload.pointer}/schema` } : {};
  }
  const format = str(m.schemaFormat);
  if (format !== undefined && !JSON_SCHEMA_FORMAT.test(format)) return {};
  return { payload: `${message.pointer}/payload` };
}

function amqpOf(channel: unknown): { amqp?: AmqpTapBinding } {
  const bindings = isObj(channel) && isObj(channel.bindings) && isObj(channel.bindings.amqp) ? channel.bindings.amqp : undefined;
  if (!bindings) return {};
  const exchange = isObj(bindings.exchange) ? bindings.exchange : {};
  const queue = isObj(bindings.queue) ? bindings.queue : {};
  return {
    amqp: {
      ...(str(exchange.name) ? { exchange: str(exchange.name) } : {}),
      ...(str(exchange.type) ? { exchangeType: str(exchange.type) } : {}),
      ...(str(queue.name) ? { queue: str(queue.name) } : {}),
    },
  };
}

function qosOf(op: Obj): number | undefined {
  const mqtt = isObj(op.bindings) && isObj(op.bindings.mqtt) ? op.bindings.mqtt : undefined;
  return mqtt && (mqtt.qos === 0 || mqtt.qos === 1 || mqtt.qos === 2) ? mqtt.qos : undefined;
}

function unique(messages: ChannelMessage[]): ChannelMessage[] {
  const byKey = new Map(messages.map((m) => [`${m.name}\0${m.payload ?? ''}\0${m.headers ?? ''}`, m]));
  return [...byKey.values()];
}
