import type { ChangeOf } from './change.js';

/** How a message names the applicator that changed: `if/then/else`, `dependentSchemas for "card"`. */
export function describeConstraint({ keyword, detail }: ChangeOf<'schema.constraint.changed'>): string {
  const name = keyword === 'if' ? 'if/then/else' : keyword;
  return detail === undefined ? name : `${name} for "${detail}"`;
}
