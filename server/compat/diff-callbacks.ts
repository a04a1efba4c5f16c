import type { DiffContext, OperationPair, OperationSide } from './diff-context.js';
import { diffPathItem } from './diff-path-item.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { pathItems, type PathItem } from './path-items.js';
import { removalNoticeOf } from './removal-notice-of.js';
import { childPointer, resolveRef } from './resolve-ref.js';

/**
 * The callbacks of an operation in both documents, keyed `<owner key> callback <name> <expression>
 * <METHOD>`, e.g. `POST /subscriptions callback onEvent {$request.body#/url} POST`: the owner comes
 * first so a callback sorts and filters with the operation that registers it. Callbacks of callbacks
 * are not followed.
 */
export function diffCallbacks(context: DiffContext, { key: owner, base, head }: OperationPair): void {
  const from = callbacksOf(context.base, base);
  const to = callbacksOf(context.head, head);
  for (const callback of new Set([...from.keys(), ...to.keys()])) {
    const [fromItems, toItems] = [from.get(callback) ?? new Map<string, PathItem>(), to.get(callback) ?? new Map<string, PathItem>()];
    for (const expression of new Set([...fromItems.keys(), ...toItems.keys()])) {
      diffPathItem(context, {
        base: fromItems.get(expression),
        head: toItems.get(expression),
        sender: 'api',
        keyOf: (method) => `${owner} callback ${callback} ${expression} ${method}`,
        onAdded: (operation) => context.changes.push({ kind: 'callback.added', operation, owner, callback }),
        onRemoved: (operation, side) => context.changes.push({ kind: 'callback.removed', operation, owner, callback, ...removalNoticeOf(side.operation, context.options.now) }),
      });
    }
  }
}

function callbacksOf(doc: JsonObject, side: OperationSide): Map<string, Map<string, PathItem>> {
  const found = new Map<string, Map<string, PathItem>>();
  for (const [name, raw] of Object.entries(isJsonObject(side.operation.callbacks) ? side.operation.callbacks : {})) {
    const { node, pointer } = resolveRef(doc, raw, childPointer(side.pointer, 'callbacks', name));
    if (isJsonObject(node)) found.set(name, pathItems(doc, node, pointer));
  }
  return found;
}
