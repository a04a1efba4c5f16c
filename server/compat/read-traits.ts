import { isJsonObject } from './json-object.js';
import { childPointer, resolveRef, type Located } from './resolve-ref.js';

/** The traits applied to a message or an operation, resolved, in the order they are listed. */
export function readTraits(doc: unknown, node: Record<string, unknown>, pointer: string): Located[] {
  if (!Array.isArray(node.traits)) return [];
  return node.traits.map((trait, index) => resolveRef(doc, trait, childPointer(pointer, 'traits', index))).filter((trait) => isJsonObject(trait.node));
}
