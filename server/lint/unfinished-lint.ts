import type { LintFinding } from './lint-finding.js';
import type { LintRuleset } from './lint-ruleset.js';
import { rulesApplyingTo } from './rules-applying-to.js';

export interface UnfinishedLint {
  ruleset: LintRuleset;
  kind: 'openapi' | 'asyncapi';
  specVersion: string;
  /** What stopped the lint, completing "linting with <ruleset> …": `took longer than 20000 ms`. */
  reason: string;
}

// Spectral's DiagnosticSeverity for an error.
const ERROR = 0;
const NAMED = 5;

/**
 * The finding for a lint that was stopped before it finished. Nothing is known about the rules it
 * left unchecked, so it counts as what the worst of them would have found: an error when the
 * ruleset has error-level rules for this kind of document (so it blocks wherever such an error
 * would, and a waiver on `lint-timeout` lets it through like any other), a warning otherwise.
 * Were it always a warning, a document crafted to be slow to lint would step around every policy.
 */
export function unfinishedLint({ ruleset, kind, specVersion, reason }: UnfinishedLint): LintFinding {
  const unchecked = rulesApplyingTo(ruleset, kind, specVersion).filter((name) => ruleset.spectral.rules[name]?.severity === ERROR);
  const stopped = `linting with ${ruleset.source} ${reason} and was stopped`;
  if (unchecked.length === 0) {
    return {
      id: 'lint-timeout',
      level: 'warn',
      message: `${stopped}; the document was not linted`,
      why: `${ruleset.source} has no error-level rule for this document, so nothing that would block was left unchecked; its warnings are unknown.`,
      operations: [],
    };
  }
  const named = unchecked.slice(0, NAMED).join(', ') + (unchecked.length > NAMED ? ` and ${unchecked.length - NAMED} more` : '');
  return {
    id: 'lint-timeout',
    level: 'error',
    message: `${stopped}, so its ${unchecked.length} error-level rule(s) (${named}) were not checked; this blocks as their errors would`,
    why: `A document that is slow to lint must not step around a policy: ${ruleset.source} makes these rules blocking, and a lint that did not finish cannot show they pass. Make the document simpler to lint, or have the owning team waive lint-timeout for this contract.`,
    operations: [],
  };
}
