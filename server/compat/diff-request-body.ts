import type { DiffContext, OperationPair } from './diff-context.js';
import { diffContent } from './diff-content.js';
import { directionOf } from './direction-of.js';
import { isJsonObject } from './json-object.js';
import { recordSharedChange } from './record-shared-change.js';
import { childPointer, resolveRef } from './resolve-ref.js';

/** The request body appearing, disappearing, changing whether it is required, and its content. */
export function diffRequestBody(context: DiffContext, pair: OperationPair): void {
  const { key, base, head } = pair;
  const direction = directionOf(pair, 'request');
  const from = resolveRef(context.base, base.operation.requestBody, childPointer(base.pointer, 'requestBody'));
  const to = resolveRef(context.head, head.operation.requestBody, childPointer(head.pointer, 'requestBody'));
  const record = recordSharedChange.bind(undefined, context, key);
  if (!isJsonObject(from.node) && !isJsonObject(to.node)) return;
  if (!isJsonObject(to.node)) {
    record({ kind: 'request-body.removed', direction, pointer: from.pointer });
    return;
  }
  if (!isJsonObject(from.node)) {
    record({ kind: 'request-body.added', direction, required: to.node.required === true, pointer: to.pointer });
    return;
  }
  const [wasRequired, isRequired] = [from.node.required === true, to.node.required === true];
  if (!wasRequired && isRequired) record({ kind: 'request-body.became-required', direction, pointer: to.pointer });
  if (wasRequired && !isRequired) record({ kind: 'request-body.became-optional', direction, pointer: to.pointer });
  diffContent(context, {
    operation: key,
    direction,
    base: { content: from.node.content, pointer: from.pointer },
    head: { content: to.node.content, pointer: to.pointer },
    onMediaType: (event, mediaType, pointer) => record({ kind: `request-body.media-type.${event}`, direction, mediaType, pointer }),
  });
}
