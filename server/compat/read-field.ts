import type { AsyncNode } from './asyncapi-document.js';
import { isJsonObject } from './json-object.js';
import { childPointer, resolveRef, type Located } from './resolve-ref.js';

/**
 * The value at `path` below a node, following `$ref`s on the way, taken from the node itself or
 * else from its traits, the last trait first. AsyncAPI 3.0 lets the node's own fields win over its
 * traits; 2.x merges traits over the node, but documents rarely define a field in both places, and
 * one rule for both versions keeps a 2.x → 3.0 migration from showing spurious changes.
 */
export function readField(doc: unknown, source: AsyncNode, ...path: string[]): Located | undefined {
  for (const origin of [{ node: source.node, pointer: source.pointer }, ...[...source.traits].reverse()]) {
    const found = walk(doc, { node: origin.node, pointer: origin.pointer, viaRef: false }, path);
    if (found) return found;
  }
  return undefined;
}

function walk(doc: unknown, from: Located, path: readonly string[]): Located | undefined {
  let located = from;
  for (const segment of path) {
    if (!isJsonObject(located.node)) return undefined;
    located = resolveRef(doc, located.node[segment], childPointer(located.pointer, segment));
  }
  return located.node === undefined ? undefined : located;
}
