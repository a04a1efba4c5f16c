import type { DiffContext, OperationPair } from './diff-context.js';
import { diffContent } from './diff-content.js';
import { directionOf } from './direction-of.js';
import { isJsonObject } from './json-object.js';
import { childPointer, resolveRef } from './resolve-ref.js';

/** The request body appearing, disappearing, changing whether it is required, and its content. */
export function diffRequestBody(context: DiffContext, pair: OperationPair): void {
  const { key, base, head } = pair;
  const direction = directionOf(pair, 'request');
  const from = resolveRef(context.base, base.operation.requestBody, childPointer(base.pointer, 'requestBody'));
  const to = resolveRef(context.head, head.operation.requestBody, childPointer(head.pointer, 'requestBody'));
  const operation = key;
  if (!isJsonObject(from.node) && !isJsonObject(to.node)) return;
  if (!isJsonObject(to.node)) {
    context.changes.push({ kind: 'request-body.removed', operation, direction, pointer: from.pointer });
    return;
  }
  if (!isJsonObject(from.node)) {
    context.changes.push({ kind: 'request-body.added', operation, direction, required: to.node.required === true, pointer: to.pointer });
    return;
  }
  const [wasRequired, isRequired] = [from.node.required === true, to.node.required === true];
  if (!wasRequired && isRequired) context.changes.push({ kind: 'request-body.became-required', operation, direction, pointer: to.pointer });
  if (wasRequired && !isRequired) context.changes.push({ kind: 'request-body.became-optional', operation, direction, pointer: to.pointer });
  diffContent(context, {
    operation,
    direction,
    base: { content: from.node.content, pointer: from.pointer },
    head: { content: to.node.content, pointer: to.pointer },
    onMediaType: (event, mediaType, pointer) => context.changes.push({ kind: `request-body.media-type.${event}`, operation, direction, mediaType, pointer }),
  });
}
