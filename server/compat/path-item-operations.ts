import type { OperationSide } from './diff-context.js';
import { isJsonObject } from './json-object.js';
import type { PathItem } from './path-items.js';
import { childPointer } from './resolve-ref.js';

// 3.2 adds `query` to the fixed fields; older documents cannot have it, since their path items allow no other keys.
const FIXED_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'] as const;

/** One operation of a path item, under the method its requests carry (`GET`, `QUERY`, `COPY`). */
export interface PathItemOperation {
  method: string;
  side: OperationSide;
}

/**
 * The operations of a path item: its fixed method fields, upper-cased, then the 3.2
 * `additionalOperations`, whose keys already are the method as sent (HTTP methods are
 * case-sensitive, so they are kept as written).
 */
export function pathItemOperations({ path, item, pointer }: PathItem): PathItemOperation[] {
  const found: PathItemOperation[] = [];
  const add = (method: string, operation: unknown, ...segments: string[]) => {
    if (isJsonObject(operation)) found.push({ method, side: { operation, pathItem: item, path, pointer: childPointer(pointer, ...segments), pathItemPointer: pointer } });
  };
  for (const method of FIXED_METHODS) add(method.toUpperCase(), item[method], method);
  if (isJsonObject(item.additionalOperations)) {
    for (const [method, operation] of Object.entries(item.additionalOperations)) add(method, operation, 'additionalOperations', method);
  }
  return found;
}
