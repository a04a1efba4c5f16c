import { resolveJsonPointer, toJsonPointer } from '../shared/index.js';
import { isJsonObject } from './json-object.js';

/** A node together with where it lives in its document (an RFC 6901 pointer without `#`). */
export interface Located {
  node: unknown;
  pointer: string;
  /** Set when the node was reached through at least one `$ref`. */
  viaRef: boolean;
}

// A chain longer than this is a loop of references that point at each other, not a schema.
const MAX_HOPS = 32;

/** Follows internal `$ref`s from a node, one hop at a time, so circular documents are never expanded. */
export function resolveRef(doc: unknown, node: unknown, pointer: string): Located {
  let viaRef = false;
  for (let hops = 0; isJsonObject(node) && typeof node.$ref === 'string' && node.$ref.startsWith('#'); hops++) {
    if (hops === MAX_HOPS) return { node: undefined, pointer, viaRef };
    pointer = node.$ref.slice(1);
    node = resolveJsonPointer(doc, node.$ref);
    viaRef = true;
  }
  return { node, pointer, viaRef };
}

/** The pointer of a child: `childPointer('/paths', '/orders')` is `/paths/~1orders`. */
export function childPointer(pointer: string, ...segments: (string | number)[]): string {
  return pointer + toJsonPointer(segments);
}
