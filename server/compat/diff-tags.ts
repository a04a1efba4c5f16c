import { bothOpenApi32 } from './both-open-api32.js';
import type { DiffContext } from './diff-context.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { pathItemOperations } from './path-item-operations.js';
import { pathItems } from './path-items.js';
import { childPointer } from './resolve-ref.js';

interface Tag {
  node: JsonObject;
  pointer: string;
}

/**
 * A 3.2 tag's `parent` and `kind`, between two 3.2 documents, for tags both declare (matched by name). Tags that
 * appear or go are left out: operations name their tags themselves, and those are no contract.
 */
export function diffTags({ base, head, changes }: DiffContext): void {
  if (!bothOpenApi32({ base, head })) return;
  const [from, to] = [tagsOf(base), tagsOf(head)];
  let labelled: Map<string, string[]> | undefined;
  for (const [name, tag] of to) {
    const before = from.get(name);
    if (!before) continue;
    for (const field of ['parent', 'kind'] as const) {
      const [was, is] = [text(before.node[field]), text(tag.node[field])];
      if (was === is) continue;
      labelled ??= operationsByTag(head);
      const operations = labelled.get(name) ?? [];
      changes.push({ kind: `tag.${field}-changed`, tag: name, ...(was !== undefined && { from: was }), ...(is !== undefined && { to: is }), pointer: childPointer(tag.pointer, field), operations });
    }
  }
}

function tagsOf(doc: JsonObject): Map<string, Tag> {
  const found = new Map<string, Tag>();
  if (!Array.isArray(doc.tags)) return found;
  doc.tags.forEach((node, index) => {
    if (isJsonObject(node) && typeof node.name === 'string' && !found.has(node.name)) found.set(node.name, { node, pointer: childPointer('/tags', index) });
  });
  return found;
}

function operationsByTag(doc: JsonObject): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const item of pathItems(doc, doc.paths, '/paths').values()) {
    for (const { method, side } of pathItemOperations(item)) {
      const tags = Array.isArray(side.operation.tags) ? side.operation.tags : [];
      for (const tag of tags) if (typeof tag === 'string') found.set(tag, [...(found.get(tag) ?? []), `${method} ${item.path}`]);
    }
  }
  for (const operations of found.values()) operations.sort();
  return found;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
