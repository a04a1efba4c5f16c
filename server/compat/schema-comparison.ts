import type { SchemaChange } from './change.js';
import type { SchemaViews } from './effective-schema.js';

/**
 * The memory of one diff's schema comparisons. Each pair of schema locations (per direction) is a
 * scope compared once; scopes link to the scopes they reach, and operations are attached at the
 * end, so a shared schema yields one fact that names every operation using it, even in cycles.
 */
export interface SchemaComparison {
  scopes: Map<string, SchemaScope>;
  roots: Map<string, SchemaScope>;
  /**
   * One scope per distinct fact: a fact a merged `allOf` base yields in every schema built on it is
   * reported once, naming the operations of all of them.
   */
  facts: Map<string, SchemaScope>;
  /** Merged views of referenced schemas, built once per diff. */
  views: SchemaViews;
  changes: SchemaChange[];
}

export interface SchemaScope {
  children: Set<SchemaScope>;
  /** Filled by `finishSchemaComparison`; a fact's own scope lends it this list. */
  operations: string[];
}

export function createSchemaComparison(): SchemaComparison {
  return { scopes: new Map(), roots: new Map(), facts: new Map(), views: new Map(), changes: [] };
}

export function createScope(): SchemaScope {
  return { children: new Set(), operations: [] };
}

/** The scope of schemas written inline in one operation. */
export function operationScope(comparison: SchemaComparison, operation: string): SchemaScope {
  let scope = comparison.roots.get(operation);
  if (!scope) comparison.roots.set(operation, (scope = createScope()));
  return scope;
}

/** Names, on every fact, the operations that reach it, and returns the facts. */
export function finishSchemaComparison(comparison: SchemaComparison): SchemaChange[] {
  for (const [operation, root] of comparison.roots) {
    const seen = new Set<SchemaScope>([root]);
    const stack = [root];
    for (let scope = stack.pop(); scope; scope = stack.pop()) {
      scope.operations.push(operation);
      for (const child of scope.children) {
        if (!seen.has(child)) {
          seen.add(child);
          stack.push(child);
        }
      }
    }
  }
  for (const scope of [...comparison.roots.values(), ...comparison.scopes.values(), ...comparison.facts.values()]) scope.operations.sort();
  return comparison.changes;
}
