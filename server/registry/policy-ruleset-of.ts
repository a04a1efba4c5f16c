import type { PolicyRuleset } from './check-against-published.js';

/** Finds the policy ruleset a contract is linted with, by the contract's slug. */
export type PolicyRulesetOf = (contract: string) => Promise<PolicyRuleset>;
