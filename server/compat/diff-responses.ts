import { compareSchemas } from './compare-schemas.js';
import type { DiffContext, OperationPair } from './diff-context.js';
import { diffContent } from './diff-content.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { childPointer, resolveRef, type Located } from './resolve-ref.js';

/** Status codes added or removed, and for those in both: media types, schemas and headers. */
export function diffResponses(context: DiffContext, { key, base, head }: OperationPair): void {
  const from = responses(context.base, base.operation.responses, childPointer(base.pointer, 'responses'));
  const to = responses(context.head, head.operation.responses, childPointer(head.pointer, 'responses'));
  for (const [status, response] of from) {
    const other = to.get(status);
    if (!other) {
      context.changes.push({ kind: 'response.removed', operation: key, status, pointer: response.pointer });
      continue;
    }
    const [b, h] = [response.node as JsonObject, other.node as JsonObject];
    diffContent(context, {
      operation: key,
      direction: 'response',
      base: { content: b.content, pointer: response.pointer },
      head: { content: h.content, pointer: other.pointer },
      onMediaType: (event, mediaType, pointer) => context.changes.push({ kind: `response.media-type.${event}`, operation: key, status, mediaType, pointer }),
    });
    diffHeaders(context, key, status, { ...response, node: b }, { ...other, node: h });
  }
  for (const [status, response] of to) {
    if (!from.has(status)) context.changes.push({ kind: 'response.added', operation: key, status, pointer: response.pointer });
  }
}

function diffHeaders(context: DiffContext, operation: string, status: string, base: Located & { node: JsonObject }, head: Located & { node: JsonObject }): void {
  const from = headers(context.base, base.node.headers, childPointer(base.pointer, 'headers'));
  const to = headers(context.head, head.node.headers, childPointer(head.pointer, 'headers'));
  for (const [id, header] of from) {
    const required = (header.node as JsonObject).required === true;
    const other = to.get(id);
    if (!other) {
      context.changes.push({ kind: 'response.header.removed', operation, status, name: header.name, required, pointer: header.pointer });
      continue;
    }
    const isRequired = (other.node as JsonObject).required === true;
    const site = { operation, status, name: other.name, pointer: other.pointer };
    if (!required && isRequired) context.changes.push({ kind: 'response.header.became-required', ...site });
    if (required && !isRequired) context.changes.push({ kind: 'response.header.became-optional', ...site });
    compareSchemas({
      comparison: context.comparison,
      operation,
      direction: 'response',
      base: { doc: context.base, node: (header.node as JsonObject).schema ?? {}, pointer: childPointer(header.pointer, 'schema') },
      head: { doc: context.head, node: (other.node as JsonObject).schema ?? {}, pointer: childPointer(other.pointer, 'schema') },
    });
  }
  for (const [id, header] of to) {
    if (!from.has(id)) context.changes.push({ kind: 'response.header.added', operation, status, name: header.name, required: (header.node as JsonObject).required === true, pointer: header.pointer });
  }
}

// `2xx` and `2XX` name the same range.
function responses(doc: JsonObject, map: unknown, pointer: string): Map<string, Located> {
  const found = new Map<string, Located>();
  for (const [status, raw] of Object.entries(isJsonObject(map) ? map : {})) {
    const located = resolveRef(doc, raw, childPointer(pointer, status));
    if (isJsonObject(located.node)) found.set(status.toUpperCase(), located);
  }
  return found;
}

// Header names are case-insensitive, and OpenAPI ignores a `Content-Type` response header.
function headers(doc: JsonObject, map: unknown, pointer: string): Map<string, Located & { name: string }> {
  const found = new Map<string, Located & { name: string }>();
  for (const [name, raw] of Object.entries(isJsonObject(map) ? map : {})) {
    if (name.toLowerCase() === 'content-type') continue;
    const located = resolveRef(doc, raw, childPointer(pointer, name));
    if (isJsonObject(located.node)) found.set(name.toLowerCase(), { ...located, name });
  }
  return found;
}
