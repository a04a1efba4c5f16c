import type { AsyncDiffContext, ChannelPair } from './async-diff-context.js';
import type { AsyncChannel } from './asyncapi-document.js';
import { isJsonObject } from './json-object.js';
import { operationKeys } from './operation-keys.js';
import { childPointer, resolveRef } from './resolve-ref.js';
import { sameAddress } from './same-address.js';

interface Parameter {
  name: string;
  pointer: string;
  values?: unknown[];
}

/** Parameters of a channel's address added or removed, and their enum values. */
export function diffChannelParameters(context: AsyncDiffContext, { base, head }: ChannelPair): void {
  // While the address keeps its shape, parameters pair by position, so renaming one is no change;
  // when it moved, the names are all that is left to pair them by.
  const byPosition = sameAddress(base.address, head.address);
  const from = parametersOf(context.base.doc, base, byPosition);
  const to = parametersOf(context.head.doc, head, byPosition);
  const site = { channel: head.address, operations: operationKeys(head) };
  for (const [id, parameter] of from) {
    const other = to.get(id);
    if (!other) {
      context.changes.push({ kind: 'channel.parameter.removed', parameter: parameter.name, ...site, pointer: parameter.pointer });
      continue;
    }
    // Without an enum on both sides the documents do not say which values were used, so an enum
    // appearing or disappearing as a whole is not a fact about values.
    if (!parameter.values || !other.values) continue;
    const removed = difference(parameter.values, other.values);
    const added = difference(other.values, parameter.values);
    if (removed.length > 0) context.changes.push({ kind: 'channel.parameter.enum.values-removed', parameter: other.name, values: removed, ...site, pointer: other.pointer });
    if (added.length > 0) context.changes.push({ kind: 'channel.parameter.enum.values-added', parameter: other.name, values: added, ...site, pointer: other.pointer });
  }
  for (const [id, parameter] of to) {
    if (!from.has(id)) context.changes.push({ kind: 'channel.parameter.added', parameter: parameter.name, ...site, pointer: parameter.pointer });
  }
}

// Only the parameters the address uses count: a declaration the address leaves out addresses nothing.
function parametersOf(doc: unknown, channel: AsyncChannel, byPosition: boolean): Map<string, Parameter> {
  const declared = isJsonObject(channel.node.parameters) ? channel.node.parameters : {};
  const found = new Map<string, Parameter>();
  [...channel.address.matchAll(/\{([^}]*)\}/g)].forEach((match, position) => {
    const name = match[1] ?? '';
    const { node, pointer } = resolveRef(doc, Object.hasOwn(declared, name) ? declared[name] : undefined, childPointer(channel.pointer, 'parameters', name));
    found.set(byPosition ? `#${position}` : name, { name, pointer, ...enumOf(doc, node, pointer) });
  });
  return found;
}

// 3.0 puts `enum` on the parameter itself, 2.x on the parameter's `schema`.
function enumOf(doc: unknown, node: unknown, pointer: string): { values?: unknown[] } {
  if (!isJsonObject(node)) return {};
  if (Array.isArray(node.enum)) return { values: node.enum };
  const schema = resolveRef(doc, node.schema, childPointer(pointer, 'schema')).node;
  return isJsonObject(schema) && Array.isArray(schema.enum) ? { values: schema.enum } : {};
}

function difference(from: readonly unknown[], to: readonly unknown[]): unknown[] {
  const kept = new Set(to.map((value) => JSON.stringify(value)));
  return from.filter((value) => !kept.has(JSON.stringify(value)));
}
