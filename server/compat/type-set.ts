import type { TypeSet } from './change.js';
import type { JsonObject } from './json-object.js';

/** The JSON types a schema admits: 3.1 type arrays and 3.0 `nullable` read the same way. */
export function typeSet(schema: JsonObject): TypeSet {
  const declared = schema.type;
  const types = typeof declared === 'string' ? [declared] : Array.isArray(declared) ? declared.filter((t): t is string => typeof t === 'string') : undefined;
  if (types === undefined) return 'any';
  if (schema.nullable === true) types.push('null');
  return [...new Set(types)].sort();
}

export function sameTypes(a: TypeSet, b: TypeSet): boolean {
  if (a === 'any' || b === 'any') return a === b;
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** Types `from` admitted that `to` no longer does; `'any'` stands for "anything" being narrowed. */
export function typesRemoved(from: TypeSet, to: TypeSet): string[] {
  if (to === 'any') return [];
  if (from === 'any') return ['any'];
  return from.filter((t) => !admits(to, t));
}

/** Types `to` admits that `from` did not. */
export function typesAdded(from: TypeSet, to: TypeSet): string[] {
  return typesRemoved(to, from);
}

// Every integer is a number, so integer → number widens and number → integer narrows.
function admits(types: readonly string[], type: string): boolean {
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

/** The types both admit, as `allOf` members combine: an integer is the only number both may agree on. */
export function intersectTypes(a: TypeSet, b: TypeSet): TypeSet {
  if (a === 'any') return b;
  if (b === 'any') return a;
  const both = new Set<string>();
  for (const type of a) {
    if (admits(b, type)) both.add(type);
    else if (type === 'number' && b.includes('integer')) both.add('integer');
  }
  return [...both].sort();
}

/** The types with `null` admitted too; a schema that admits any type already admits it. */
export function withNull(types: TypeSet): TypeSet {
  return types === 'any' || types.includes('null') ? types : [...types, 'null'].sort();
}
