import type { DiffContext } from './diff-context.js';

/**
 * Whether both documents are OpenAPI 3.2 or later, the first that can state `$self` and tag
 * `parent`/`kind`. An upgrade from 3.1 that adds them, or a step back that drops them, changes
 * nothing one could compare, so only documents that could both say them are compared.
 */
export function bothOpenApi32({ base, head }: Pick<DiffContext, 'base' | 'head'>): boolean {
  return [base.openapi, head.openapi].every((version) => {
    const [major, minor] = typeof version === 'string' ? version.split('.').map(Number) : [];
    return major !== undefined && minor !== undefined && (major > 3 || (major === 3 && minor >= 2));
  });
}
