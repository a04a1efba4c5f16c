import type { DiffContext, OperationPair, OperationSide } from './diff-context.js';
import { diffOperation } from './diff-operation.js';
import { pathItemOperations } from './path-item-operations.js';
import type { PathItem } from './path-items.js';

export interface PathItemSides {
  base?: PathItem;
  head?: PathItem;
  sender: OperationPair['sender'];
  /** The operation key for a method as requests send it, under the path item's key (the head's when both have it). */
  keyOf: (method: string, path: string) => string;
  onAdded: (key: string, side: OperationSide) => void;
  onRemoved: (key: string, side: OperationSide) => void;
}

/** Operations of one path item, webhook or callback: those in both are diffed, the rest reported. */
export function diffPathItem(context: DiffContext, { base, head, sender, keyOf, onAdded, onRemoved }: PathItemSides): void {
  const from = new Map(base ? pathItemOperations(base).map(({ method, side }) => [method, side]) : []);
  const to = new Map(head ? pathItemOperations(head).map(({ method, side }) => [method, side]) : []);
  for (const method of new Set([...from.keys(), ...to.keys()])) {
    const [before, after] = [from.get(method), to.get(method)];
    const key = keyOf(method, (after ?? before)!.path);
    if (before && after) diffOperation(context, { key, base: before, head: after, sender });
    else if (before) onRemoved(key, before);
    else if (after) onAdded(key, after);
  }
}
