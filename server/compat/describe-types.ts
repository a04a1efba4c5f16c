import type { TypeSet } from './change.js';

export function describeTypes(types: TypeSet): string {
  return types === 'any' ? 'any type' : types.join(' | ');
}
