import type { TypeSet } from './change.js';

/** `string | null`; `nothing` for the empty set a contradictory `allOf` leaves. */
export function describeTypes(types: TypeSet): string {
  if (types === 'any') return 'any type';
  return types.length === 0 ? 'nothing' : types.join(' | ');
}
