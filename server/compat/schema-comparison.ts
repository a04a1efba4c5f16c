import type { SchemaChange } from './change.js';
import type { SchemaViews } from './effective-schema.js';
import { createSchemasAlike, type SchemasAlike } from './schemas-alike.js';

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
  /** Pairs that cannot differ, found without comparing them (see `SchemasAlike`). */
  alike: SchemasAlike;
  changes: SchemaChange[];
}

export interface SchemaScope {
  children: Set<SchemaScope>;
  /** Filled by `finishSchemaComparison` in every fact's scope (and on the way in scopes leading to one); a fact lends it this list. */
  operations: string[];
}

export function createSchemaComparison(): SchemaComparison {
  return { scopes: new Map(), roots: new Map(), facts: new Map(), views: new Map(), alike: createSchemasAlike(), changes: [] };
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
  const parents = new Map<SchemaScope, SchemaScope[]>();
  for (const scope of [...comparison.roots.values(), ...comparison.scopes.values()]) {
    for (const child of scope.children) {
      const list = parents.get(child);
      if (list) list.push(scope);
      else parents.set(child, [scope]);
    }
  }
  // Walked from the smaller side: a diff usually finds a few facts in schemas that many operations
  // use (Stripe's pair: 7 facts, 415 operations), and walking forward from every operation through
  // all it reaches was most of this step; a rewrite with more facts than operations goes forward.
  if (comparison.facts.size <= comparison.roots.size) nameFromFacts(comparison, parents);
  else nameFromOperations(comparison, parents);
  for (const scope of comparison.facts.values()) scope.operations.sort();
  return comparison.changes;
}

/** Walks back from each fact through the scopes that reach it, collecting the operations among them. */
function nameFromFacts(comparison: SchemaComparison, parents: Map<SchemaScope, SchemaScope[]>): void {
  const operationOf = new Map<SchemaScope, string>();
  for (const [operation, root] of comparison.roots) operationOf.set(root, operation);
  for (const fact of comparison.facts.values()) {
    const seen = new Set<SchemaScope>([fact]);
    const pending = [fact];
    for (let scope = pending.pop(); scope; scope = pending.pop()) {
      const operation = operationOf.get(scope);
      if (operation !== undefined) fact.operations.push(operation);
      for (const parent of parents.get(scope) ?? []) {
        if (!seen.has(parent)) {
          seen.add(parent);
          pending.push(parent);
        }
      }
    }
  }
}

/** Walks forward from each operation, only through scopes that lead to a fact. */
function nameFromOperations(comparison: SchemaComparison, parents: Map<SchemaScope, SchemaScope[]>): void {
  const leading = new Set<SchemaScope>(comparison.facts.values());
  const pending = [...leading];
  for (let scope = pending.pop(); scope; scope = pending.pop()) {
    for (const parent of parents.get(scope) ?? []) {
      if (!leading.has(parent)) {
        leading.add(parent);
        pending.push(parent);
      }
    }
  }
  for (const [operation, root] of comparison.roots) {
    if (!leading.has(root)) continue;
    const seen = new Set<SchemaScope>([root]);
    const stack = [root];
    for (let scope = stack.pop(); scope; scope = stack.pop()) {
      scope.operations.push(operation);
      for (const child of scope.children) {
        if (leading.has(child) && !seen.has(child)) {
          seen.add(child);
          stack.push(child);
        }
      }
    }
  }
}
