import type { AmqpField } from './asyncapi-change.js';
import type { AsyncDiffContext, ChannelPair } from './async-diff-context.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { operationKeys } from './operation-keys.js';
import { readField } from './read-field.js';

// Which AMQP fields address a channel, by what the channel `is`.
const AMQP_FIELDS = {
  routingKey: { group: 'exchange', fields: ['name', 'type', 'vhost'] },
  queue: { group: 'queue', fields: ['name', 'vhost'] },
} as const;

/** Where a channel lives on the broker: its Kafka topic and partitions, its AMQP exchange or queue. */
export function diffChannelBindings(context: AsyncDiffContext, { base, head }: ChannelPair): void {
  const site = { channel: head.address, operations: operationKeys(head) };
  const kafka = [readField(context.base.doc, base, 'bindings', 'kafka'), readField(context.head.doc, head, 'bindings', 'kafka')] as const;
  const [fromKafka, toKafka] = [objectOf(kafka[0]?.node), objectOf(kafka[1]?.node)];
  const pointer = kafka[1]?.pointer ?? head.pointer;

  // The topic is the address unless the binding names another; only a named topic adds a fact,
  // since a moved address is already one.
  const [fromTopic, toTopic] = [text(fromKafka.topic), text(toKafka.topic)];
  if (fromTopic !== undefined || toTopic !== undefined) {
    const [from, to] = [fromTopic ?? base.address, toTopic ?? head.address];
    if (from !== to) context.changes.push({ kind: 'kafka.topic.changed', from, to, ...site, pointer });
  }
  if (typeof fromKafka.partitions === 'number' && typeof toKafka.partitions === 'number' && fromKafka.partitions !== toKafka.partitions) {
    context.changes.push({ kind: 'kafka.partitions.changed', from: fromKafka.partitions, to: toKafka.partitions, ...site, pointer });
  }

  const fromAmqp = readField(context.base.doc, base, 'bindings', 'amqp');
  const toAmqp = readField(context.head.doc, head, 'bindings', 'amqp');
  // A binding only one side documents is unknown on the other, not changed.
  if (!isJsonObject(fromAmqp?.node) || !isJsonObject(toAmqp?.node)) return;
  const amqpSite = { ...site, pointer: toAmqp.pointer };
  const [fromIs, toIs] = [kindOf(fromAmqp.node), kindOf(toAmqp.node)];
  // Once the channel changes what it is, the fields of the other kind are meaningless to compare.
  if (fromIs !== toIs) {
    context.changes.push({ kind: 'amqp.channel.changed', field: 'is', from: fromIs, to: toIs, ...amqpSite });
    return;
  }
  const { group, fields } = AMQP_FIELDS[fromIs];
  for (const field of fields) {
    const from = amqpValue(fromAmqp.node, group, field);
    const to = amqpValue(toAmqp.node, group, field);
    if (from !== undefined && to !== undefined && from !== to) context.changes.push({ kind: 'amqp.channel.changed', field: `${group}.${field}` as AmqpField, from, to, ...amqpSite });
  }
}

function kindOf(binding: JsonObject): keyof typeof AMQP_FIELDS {
  return binding.is === 'queue' ? 'queue' : 'routingKey';
}

// The binding's default virtual host is `/`.
function amqpValue(binding: JsonObject, group: string, field: string): string | undefined {
  const value = text(objectOf(binding[group])[field]);
  return value ?? (field === 'vhost' ? '/' : undefined);
}

function objectOf(node: unknown): JsonObject {
  return isJsonObject(node) ? node : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
