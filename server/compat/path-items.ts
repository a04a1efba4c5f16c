import { isJsonObject, type JsonObject } from './json-object.js';
import { childPointer, resolveRef } from './resolve-ref.js';

/** A path item under its key: a path template, a webhook name or a callback expression. */
export interface PathItem {
  path: string;
  item: JsonObject;
  pointer: string;
}

/** The path items of a `paths`, `webhooks` or callback map, with `$ref`s followed. */
export function pathItems(doc: JsonObject, map: unknown, pointer: string): Map<string, PathItem> {
  const items = new Map<string, PathItem>();
  for (const [path, raw] of Object.entries(isJsonObject(map) ? map : {})) {
    const located = resolveRef(doc, raw, childPointer(pointer, path));
    if (isJsonObject(located.node)) items.set(path, { path, item: located.node, pointer: located.pointer });
  }
  return items;
}
