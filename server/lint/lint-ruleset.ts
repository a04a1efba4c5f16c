import type { Ruleset } from '@stoplight/spectral-core';

/** The rulesets Accord ships in `policies/`, which `extends` may name. */
export const SHIPPED_RULESETS = ['accord-recommended', 'accord-strict'] as const;
export type ShippedRulesetName = (typeof SHIPPED_RULESETS)[number];

/** The texts of the shipped rulesets by name; the caller reads them, the core never opens a file. */
export type ShippedRulesets = Readonly<Partial<Record<ShippedRulesetName, string>>>;

/** A ruleset that passed the safe loader, ready to lint with. */
export interface LintRuleset {
  /** Where it came from, as the caller named it: a file, a shipped name, a registry id. */
  source: string;
  /** The Spectral ruleset; built once, reused by every lint. */
  spectral: Ruleset;
}
