import { describe, expect, it } from 'vitest';
import type { SchemaChange } from './change.js';
import { createSchemaComparison, createScope, finishSchemaComparison, operationScope, type SchemaComparison, type SchemaScope } from './schema-comparison.js';

/** A comparison whose operations reach shared schemas, one of them through a cycle, and `facts` facts below them. */
function comparisonWith(facts: number, operations: string[]): { comparison: SchemaComparison; facts: SchemaScope[] } {
  const comparison = createSchemaComparison();
  const [shared, other, cycle] = [createScope(), createScope(), createScope()];
  comparison.scopes.set('shared', shared);
  comparison.scopes.set('other', other);
  comparison.scopes.set('cycle', cycle);
  shared.children.add(cycle);
  cycle.children.add(shared);
  const found = Array.from({ length: facts }, (_, index) => {
    const fact = createScope();
    comparison.facts.set(`fact ${index}`, fact);
    (index % 2 === 0 ? cycle : other).children.add(fact);
    comparison.changes.push({ kind: 'schema.property.removed', property: `p${index}`, required: false, readOnly: false, writeOnly: false, direction: 'response', pointer: `/p${index}`, operations: fact.operations } as SchemaChange);
    return fact;
  });
  operations.forEach((operation, index) => operationScope(comparison, operation).children.add(index === 0 ? other : shared));
  return { comparison, facts: found };
}

describe('finishSchemaComparison', () => {
  it('names on each fact the operations whose schemas reach it, through cycles, sorted, whichever side is smaller', () => {
    for (const [facts, operations] of [
      [2, ['GET /z', 'GET /a', 'POST /b', 'PUT /c']],
      [6, ['GET /z', 'GET /a']],
    ] as const) {
      const { comparison, facts: found } = comparisonWith(facts, [...operations]);
      const changes = finishSchemaComparison(comparison);
      expect(changes).toHaveLength(facts);
      const viaCycle = [...operations.slice(1)].sort();
      found.forEach((fact, index) => expect(fact.operations).toEqual(index % 2 === 0 ? viaCycle : [operations[0]]));
    }
  });
});
