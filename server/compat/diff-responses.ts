import type { Direction } from './change.js';
import { compareSchemas } from './compare-schemas.js';
import type { DiffContext, OperationPair } from './diff-context.js';
import { diffContent } from './diff-content.js';
import { directionOf } from './direction-of.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { recordSharedChange } from './record-shared-change.js';
import { childPointer, resolveRef, type Located } from './resolve-ref.js';

/**
 * Status codes added or removed, and for those in both: media types, schemas and headers. A code
 * only one side lists explicitly but the other covers with its range (`2XX`) or, for errors,
 * `default` is still documented: it is compared with what covers it instead of reported.
 */
export function diffResponses(context: DiffContext, pair: OperationPair): void {
  const { key, base, head } = pair;
  const direction = directionOf(pair, 'response');
  const from = responses(context.base, base.operation.responses, childPointer(base.pointer, 'responses'));
  const to = responses(context.head, head.operation.responses, childPointer(head.pointer, 'responses'));
  const site = { operation: key, direction };
  for (const [status, response] of from) {
    const other = to.get(status) ?? coverOf(status, to);
    if (other) diffResponse(context, { ...site, status }, response, other);
    else recordSharedChange(context, key, { kind: 'response.removed', direction, status, pointer: response.pointer });
  }
  for (const [status, response] of to) {
    if (from.has(status)) continue;
    // What the base documented under a range or `default` now has its own entry: compare the two.
    const cover = coverOf(status, from);
    if (cover) diffResponse(context, { ...site, status }, cover, response);
    else recordSharedChange(context, key, { kind: 'response.added', direction, status, pointer: response.pointer });
  }
}

type Site = { operation: string; direction: Direction; status: string };

function diffResponse(context: DiffContext, site: Site, base: Located, head: Located): void {
  const [b, h] = [base.node as JsonObject, head.node as JsonObject];
  diffContent(context, {
    operation: site.operation,
    direction: site.direction,
    base: { content: b.content, pointer: base.pointer },
    head: { content: h.content, pointer: head.pointer },
    onMediaType: (event, mediaType, pointer) => recordSharedChange(context, site.operation, { kind: `response.media-type.${event}`, direction: site.direction, status: site.status, mediaType, pointer }),
  });
  diffHeaders(context, site, { ...base, node: b }, { ...head, node: h });
}

function diffHeaders(context: DiffContext, site: Site, base: Located & { node: JsonObject }, head: Located & { node: JsonObject }): void {
  const from = headers(context.base, base.node.headers, childPointer(base.pointer, 'headers'));
  const to = headers(context.head, head.node.headers, childPointer(head.pointer, 'headers'));
  const { operation, ...at } = site;
  for (const [id, header] of from) {
    const required = (header.node as JsonObject).required === true;
    const other = to.get(id);
    if (!other) {
      recordSharedChange(context, operation, { kind: 'response.header.removed', ...at, name: header.name, required, pointer: header.pointer });
      continue;
    }
    const isRequired = (other.node as JsonObject).required === true;
    const named = { ...at, name: other.name, pointer: other.pointer };
    if (!required && isRequired) recordSharedChange(context, operation, { kind: 'response.header.became-required', ...named });
    if (required && !isRequired) recordSharedChange(context, operation, { kind: 'response.header.became-optional', ...named });
    compareSchemas({
      comparison: context.comparison,
      operation,
      direction: site.direction,
      base: { doc: context.base, node: (header.node as JsonObject).schema ?? {}, pointer: childPointer(header.pointer, 'schema') },
      head: { doc: context.head, node: (other.node as JsonObject).schema ?? {}, pointer: childPointer(other.pointer, 'schema') },
    });
  }
  for (const [id, header] of to) {
    if (!from.has(id)) recordSharedChange(context, operation, { kind: 'response.header.added', ...at, name: header.name, required: (header.node as JsonObject).required === true, pointer: header.pointer });
  }
}

// `2xx` and `2XX` name the same range; `default` is spelled in lower case whatever the document says.
function responses(doc: JsonObject, map: unknown, pointer: string): Map<string, Located> {
  const found = new Map<string, Located>();
  for (const [status, raw] of Object.entries(isJsonObject(map) ? map : {})) {
    const located = resolveRef(doc, raw, childPointer(pointer, status));
    if (isJsonObject(located.node)) found.set(/^\d/.test(status) ? status.toUpperCase() : status.toLowerCase(), located);
  }
  return found;
}

/** The range, or for an error code `default`, that documents an explicit code on the other side. */
function coverOf(status: string, others: Map<string, Located>): Located | undefined {
  if (!/^\d{3}$/.test(status)) return undefined;
  return others.get(`${status[0]}XX`) ?? (/^[45]/.test(status) ? others.get('default') : undefined);
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
