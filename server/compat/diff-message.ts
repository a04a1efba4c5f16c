import type { AsyncDiffContext } from './async-diff-context.js';
import type { AsyncApiDocument, AsyncMessage } from './asyncapi-document.js';
import type { Direction } from './change.js';
import { compareSchemas } from './compare-schemas.js';
import { isJsonObject } from './json-object.js';
import { payloadOf } from './payload-of.js';
import { readField } from './read-field.js';
import { childPointer } from './resolve-ref.js';
import { sameJson } from './same-json.js';

/** One message an operation carries in both documents. */
export interface MessagePair {
  operation: string;
  direction: Direction;
  base: AsyncMessage;
  head: AsyncMessage;
}

/** The changes to one message: its payload, headers and Kafka key schemas, content type, correlation id. */
export function diffMessage(context: AsyncDiffContext, pair: MessagePair): void {
  const from = payloadOf(context.base.doc, pair.base);
  const to = payloadOf(context.head.doc, pair.head);
  // Every operation goes through compareSchemas, which compares a shared schema once and names
  // every operation that reaches it.
  if (from.comparable && to.comparable) compare(context, pair, { node: from.node, pointer: from.pointer }, { node: to.node, pointer: to.pointer });
  compareField(context, pair, 'headers');
  compareField(context, pair, 'bindings', 'kafka', 'key');

  const operations = sharedOperations(context, pair);
  if (!operations) return;
  const site = { message: pair.head.name, pointer: pair.head.pointer, operations };
  if ((!from.comparable || !to.comparable) && (from.format !== to.format || !sameJson(from.node, to.node))) {
    context.changes.push({ kind: 'message.opaque-payload.changed', ...(from.format !== undefined && { fromFormat: from.format }), ...(to.format !== undefined && { toFormat: to.format }), ...site });
  }
  const [fromType, toType] = [contentType(context.base, pair.base), contentType(context.head, pair.head)];
  if (fromType !== undefined && toType !== undefined && essence(fromType) !== essence(toType)) {
    context.changes.push({ kind: 'message.content-type.changed', from: fromType, to: toType, ...site });
  }
  const [fromLocation, toLocation] = [correlationLocation(context.base, pair.base), correlationLocation(context.head, pair.head)];
  if (fromLocation !== undefined && toLocation === undefined) context.changes.push({ kind: 'message.correlation-id.removed', location: fromLocation, ...site });
  if (fromLocation === undefined && toLocation !== undefined) context.changes.push({ kind: 'message.correlation-id.added', location: toLocation, ...site });
  if (fromLocation !== undefined && toLocation !== undefined && fromLocation !== toLocation) context.changes.push({ kind: 'message.correlation-id.changed', from: fromLocation, to: toLocation, ...site });
}

type Side = { node: unknown; pointer: string };

function compare(context: AsyncDiffContext, { operation, direction }: MessagePair, base: Side, head: Side): void {
  compareSchemas({ comparison: context.comparison, operation, direction, base: { doc: context.base.doc, ...base }, head: { doc: context.head.doc, ...head } });
}

// A schema only one side has is compared with the empty schema, which admits anything.
function compareField(context: AsyncDiffContext, pair: MessagePair, ...path: string[]): void {
  const from = readField(context.base.doc, pair.base, ...path);
  const to = readField(context.head.doc, pair.head, ...path);
  if (!from && !to) return;
  compare(context, pair, from ?? { node: {}, pointer: childPointer(pair.base.pointer, ...path) }, to ?? { node: {}, pointer: childPointer(pair.head.pointer, ...path) });
}

/**
 * The operations sharing this message pair's facts; undefined when another operation already
 * reported them, in which case this operation is added to its list.
 */
function sharedOperations(context: AsyncDiffContext, { operation, base, head }: MessagePair): string[] | undefined {
  const id = `${base.pointer} ${head.pointer}`;
  const known = context.messages.get(id);
  if (known) {
    if (!known.includes(operation)) known.push(operation);
    return undefined;
  }
  const operations = [operation];
  context.messages.set(id, operations);
  return operations;
}

function contentType(model: AsyncApiDocument, message: AsyncMessage): string | undefined {
  const own = readField(model.doc, message, 'contentType')?.node;
  return typeof own === 'string' ? own : model.defaultContentType;
}

// `application/json; charset=utf-8` is still JSON: compare the media type without its parameters.
function essence(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

function correlationLocation(model: AsyncApiDocument, message: AsyncMessage): string | undefined {
  const correlation = readField(model.doc, message, 'correlationId')?.node;
  return isJsonObject(correlation) && typeof correlation.location === 'string' ? correlation.location : undefined;
}
