import type { DiffContext, OperationPair, OperationSide } from './diff-context.js';
import { diffOperation } from './diff-operation.js';
import { isJsonObject } from './json-object.js';
import type { PathItem } from './path-items.js';
import { childPointer } from './resolve-ref.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface PathItemSides {
  base?: PathItem;
  head?: PathItem;
  sender: OperationPair['sender'];
  /** The operation key for an upper-case method under the path item's key (the head's when both have it). */
  keyOf: (method: string, path: string) => string;
  onAdded: (key: string, side: OperationSide) => void;
  onRemoved: (key: string, side: OperationSide) => void;
}

/** Operations of one path item, webhook or callback: those in both are diffed, the rest reported. */
export function diffPathItem(context: DiffContext, { base, head, sender, keyOf, onAdded, onRemoved }: PathItemSides): void {
  for (const method of HTTP_METHODS) {
    const from = base && sideOf(base, method);
    const to = head && sideOf(head, method);
    const side = to ?? from;
    if (!side) continue;
    const key = keyOf(method.toUpperCase(), side.path);
    if (from && to) diffOperation(context, { key, base: from, head: to, sender });
    else if (from) onRemoved(key, from);
    else if (to) onAdded(key, to);
  }
}

export function sideOf({ path, item, pointer }: PathItem, method: string): OperationSide | undefined {
  const operation = item[method];
  if (!isJsonObject(operation)) return undefined;
  return { operation, pathItem: item, path, pointer: childPointer(pointer, method), pathItemPointer: pointer };
}
