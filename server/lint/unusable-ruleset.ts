import type { InvalidInput } from '../shared/index.js';
import type { LintFinding } from './lint-finding.js';

/**
 * The finding for a stored ruleset the loader no longer accepts (a newer Accord may refuse what an
 * older one stored, such as a pattern the linear-time regex engine cannot run). Nothing of it can
 * be checked, so, like a lint that did not finish, it blocks where errors block until the ruleset
 * is saved again in a form the loader accepts, or the finding is waived.
 */
export function unusableRuleset(name: string, refusal: InvalidInput): LintFinding {
  return {
    id: 'ruleset-unusable',
    level: 'error',
    message: `the ruleset ${name} can no longer be loaded, so the document was not linted: ${refusal.issues[0]?.message ?? refusal.message}`,
    why: `A policy that cannot be evaluated must not let documents through unchecked. An administrator saves a corrected version of ${name}; until then the owning team may waive ruleset-unusable.`,
    operations: [],
  };
}
