import type { Change } from './change.js';
import type { DiffContext, OperationSide } from './diff-context.js';
import type { DiffOptions } from './diff-documents.js';
import { diffOperation } from './diff-operation.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { matchPaths } from './match-paths.js';
import { childPointer, resolveRef } from './resolve-ref.js';
import { createSchemaComparison, finishSchemaComparison } from './schema-comparison.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * The facts that tell two OpenAPI 3.0/3.1 documents apart (parsed JSON, internal `$ref`s kept,
 * possibly circular). Pure: reads nothing but its arguments.
 */
export function diffOpenApi(base: object, head: object, options: DiffOptions = {}): Change[] {
  const context: DiffContext = { base: base as JsonObject, head: head as JsonObject, changes: [], comparison: createSchemaComparison(), options };
  const basePaths = pathItems(context.base);
  const headPaths = pathItems(context.head);
  const { matched, removed, added } = matchPaths([...basePaths.keys()], [...headPaths.keys()]);
  for (const path of removed) context.changes.push({ kind: 'path.removed', path, operations: operationsOf(basePaths.get(path)!) });
  for (const path of added) context.changes.push({ kind: 'path.added', path, operations: operationsOf(headPaths.get(path)!) });
  for (const [basePath, headPath] of matched) {
    const baseItem = basePaths.get(basePath)!;
    const headItem = headPaths.get(headPath)!;
    for (const method of HTTP_METHODS) {
      const from = sideOf(baseItem, method);
      const to = sideOf(headItem, method);
      const key = `${method.toUpperCase()} ${to?.path ?? from?.path}`;
      if (from && to) diffOperation(context, { key, base: from, head: to });
      else if (from) context.changes.push({ kind: 'operation.removed', operation: key });
      else if (to) context.changes.push({ kind: 'operation.added', operation: key });
    }
  }
  return [...context.changes, ...finishSchemaComparison(context.comparison)];
}

interface PathItem {
  path: string;
  item: JsonObject;
  pointer: string;
}

function pathItems(doc: JsonObject): Map<string, PathItem> {
  const items = new Map<string, PathItem>();
  for (const [path, raw] of Object.entries(isJsonObject(doc.paths) ? doc.paths : {})) {
    const { node, pointer } = resolveRef(doc, raw, childPointer('/paths', path));
    if (isJsonObject(node)) items.set(path, { path, item: node, pointer });
  }
  return items;
}

function sideOf({ path, item, pointer }: PathItem, method: string): OperationSide | undefined {
  const operation = item[method];
  if (!isJsonObject(operation)) return undefined;
  return { operation, pathItem: item, path, pointer: childPointer(pointer, method), pathItemPointer: pointer };
}

function operationsOf({ path, item }: PathItem): string[] {
  return HTTP_METHODS.filter((method) => isJsonObject(item[method])).map((method) => `${method.toUpperCase()} ${path}`);
}
