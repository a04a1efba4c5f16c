import type { BoundKeyword, SchemaChange } from './change.js';
import type { JsonObject } from './json-object.js';

type BoundFact = Extract<SchemaChange, { kind: 'schema.bound.changed' }>;

// Raising a lower bound or lowering an upper bound admits fewer values.
const LOWER: readonly BoundKeyword[] = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const UPPER: readonly BoundKeyword[] = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];

/** Numeric bounds that differ, each marked tightened (fewer values admitted) or loosened. */
export function compareBounds(base: JsonObject, head: JsonObject): Omit<BoundFact, 'direction' | 'pointer' | 'operations'>[] {
  const facts: Omit<BoundFact, 'direction' | 'pointer' | 'operations'>[] = [];
  for (const keyword of [...LOWER, ...UPPER]) {
    // 3.0 spells exclusiveMinimum/Maximum as booleans; only the 3.1 numeric form is a bound.
    const from = typeof base[keyword] === 'number' ? base[keyword] : undefined;
    const to = typeof head[keyword] === 'number' ? head[keyword] : undefined;
    if (from === to) continue;
    const tightened = to !== undefined && (from === undefined || (LOWER.includes(keyword) ? to > from : to < from));
    facts.push({ kind: 'schema.bound.changed', keyword, ...(from !== undefined && { from }), ...(to !== undefined && { to }), change: tightened ? 'tightened' : 'loosened' });
  }
  return facts;
}
