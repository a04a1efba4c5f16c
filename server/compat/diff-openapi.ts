import type { Change } from './change.js';
import type { DiffContext } from './diff-context.js';
import type { DiffOptions } from './diff-documents.js';
import { diffPathItem } from './diff-path-item.js';
import { diffSecuritySchemes } from './diff-security-schemes.js';
import { diffSelf } from './diff-self.js';
import { diffTags } from './diff-tags.js';
import { diffWebhooks } from './diff-webhooks.js';
import type { JsonObject } from './json-object.js';
import { matchPaths } from './match-paths.js';
import { pathItemOperations } from './path-item-operations.js';
import { pathItems, type PathItem } from './path-items.js';
import { removalOf } from './removal-of.js';
import { createSchemaComparison, finishSchemaComparison } from './schema-comparison.js';

/**
 * The facts that tell two OpenAPI 3.x documents apart (parsed JSON, internal `$ref`s kept,
 * possibly circular): paths, webhooks, security schemes, and the document's `$self` and tags. Pure: reads nothing but its arguments.
 */
export function diffOpenApi(base: object, head: object, options: DiffOptions = {}): Change[] {
  const context: DiffContext = { base: base as JsonObject, head: head as JsonObject, changes: [], comparison: createSchemaComparison(), shared: new Map(), options };
  diffPaths(context);
  diffWebhooks(context);
  diffSecuritySchemes(context);
  diffSelf(context);
  diffTags(context);
  for (const operations of context.shared.values()) operations.sort();
  return [...context.changes, ...finishSchemaComparison(context.comparison)];
}

function diffPaths(context: DiffContext): void {
  const basePaths = pathItems(context.base, context.base.paths, '/paths');
  const headPaths = pathItems(context.head, context.head.paths, '/paths');
  const { matched, removed, added } = matchPaths([...basePaths.keys()], [...headPaths.keys()]);
  for (const path of removed) diffRemovedPath(context, basePaths.get(path)!);
  for (const path of added) context.changes.push({ kind: 'path.added', path, operations: operationsOf(headPaths.get(path)!) });
  for (const [basePath, headPath] of matched) {
    diffPathItem(context, {
      base: basePaths.get(basePath)!,
      head: headPaths.get(headPath)!,
      sender: 'client',
      keyOf: (method, path) => `${method} ${path}`,
      onAdded: (operation) => context.changes.push({ kind: 'operation.added', operation }),
      onRemoved: (operation, side) => context.changes.push(removalOf(operation, side, context.options.now)),
    });
  }
}

// A path whose every operation was deprecated is judged operation by operation, so each sunset counts.
function diffRemovedPath(context: DiffContext, item: PathItem): void {
  const sides = pathItemOperations(item).map(({ method, side }) => ({ key: `${method} ${item.path}`, side }));
  const deprecated = sides.length > 0 && sides.every(({ side }) => side.operation.deprecated === true);
  context.changes.push({ kind: 'path.removed', path: item.path, operations: sides.map(({ key }) => key), deprecated });
  if (deprecated) for (const { key, side } of sides) context.changes.push(removalOf(key, side, context.options.now));
}

function operationsOf(item: PathItem): string[] {
  return pathItemOperations(item).map(({ method }) => `${method} ${item.path}`);
}
