import type { AsyncDiffContext, AsyncOperationPair } from './async-diff-context.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { readField } from './read-field.js';

/** The MQTT delivery guarantees of an operation: its QoS level and whether messages are retained. */
export function diffOperationBindings(context: AsyncDiffContext, { base, head }: AsyncOperationPair): void {
  const from = readField(context.base.doc, base, 'bindings', 'mqtt');
  const to = readField(context.head.doc, head, 'bindings', 'mqtt');
  // A binding only one side documents is unknown on the other; within a binding the spec's
  // defaults (QoS 0, not retained) hold.
  if (!from || !to || !isJsonObject(from.node) || !isJsonObject(to.node)) return;
  const site = { operation: head.key, pointer: to.pointer };
  const [fromQos, toQos] = [qos(from.node), qos(to.node)];
  if (fromQos !== toQos) context.changes.push({ kind: 'mqtt.qos.changed', from: fromQos, to: toQos, ...site });
  const [fromRetain, toRetain] = [from.node.retain === true, to.node.retain === true];
  if (fromRetain !== toRetain) context.changes.push({ kind: 'mqtt.retain.changed', from: fromRetain, to: toRetain, ...site });
}

function qos(binding: JsonObject): number {
  return typeof binding.qos === 'number' ? binding.qos : 0;
}
