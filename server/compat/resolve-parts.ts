import { isJsonObject, type JsonObject } from './json-object.js';
import { refSiblingsApply } from './ref-siblings-apply.js';
import { resolveRef } from './resolve-ref.js';
import type { SchemaPart } from './schema-part.js';

// Keywords that describe a schema without constraining its values.
const ANNOTATIONS = new Set(['$ref', 'description', 'title', 'summary', 'example', 'examples', 'deprecated', 'externalDocs', 'xml', '$comment']);

/**
 * Follows each part's `$ref`s. OpenAPI 3.1 and 3.2 (JSON Schema 2020-12) applies keywords written beside a
 * `$ref`, so there they become a part of their own; 3.0 and draft-07 ignore them.
 */
export function resolveParts(parts: readonly SchemaPart[]): SchemaPart[] {
  const resolved: SchemaPart[] = [];
  for (const part of parts) {
    const { node, pointer, viaRef } = resolveRef(part.doc, part.node, part.pointer);
    add(resolved, { doc: part.doc, node, pointer, viaRef: part.viaRef || viaRef });
    if (viaRef && isJsonObject(part.node) && refSiblingsApply(part.doc) && constrains(part.node)) add(resolved, part);
  }
  return resolved;
}

// A location merged twice says nothing new (`allOf: [A, A]` is `A`), and lists would double each level.
function add(parts: SchemaPart[], part: SchemaPart): void {
  if (!parts.some((other) => other.pointer === part.pointer)) parts.push(part);
}

function constrains(node: JsonObject): boolean {
  return Object.keys(node).some((key) => !ANNOTATIONS.has(key) && !key.startsWith('x-'));
}
