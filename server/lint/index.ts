/**
 * The policy engine, a pure core: rulesets in Spectral's format are loaded safely and validated
 * whole, documents are linted into findings shaped like the compatibility engine's. Nothing here
 * reads a file, fetches a URL or looks at the clock; the shipped rulesets' texts are passed in by
 * the caller (see `read-shipped-rulesets.ts`, the one file beside the core that reads them).
 */
export { loadRuleset, type LoadRulesetOptions } from './load-ruleset.js';
export { lintDocument } from './lint-document.js';
export { SHIPPED_RULESETS, type LintRuleset, type ShippedRulesetName, type ShippedRulesets } from './lint-ruleset.js';
export type { LintFinding } from './lint-finding.js';
export { rulesApplyingTo } from './rules-applying-to.js';
export { unfinishedLint, type UnfinishedLint } from './unfinished-lint.js';
export { unusableRuleset } from './unusable-ruleset.js';
