/**
 * Schema-registry semantics applied to contracts. BACKWARD: clients built for an earlier version
 * keep working against the candidate. FORWARD: clients built for the candidate keep working
 * against an earlier version still deployed. FULL: both. TRANSITIVE: against every earlier
 * version of the same compatible line, not just the latest. NONE: changes are recorded, never gated.
 */
export const COMPATIBILITY_MODES = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'] as const;
export type CompatibilityMode = (typeof COMPATIBILITY_MODES)[number];

export const DEFAULT_COMPATIBILITY_MODE: CompatibilityMode = 'BACKWARD';

export function isCompatibilityMode(value: unknown): value is CompatibilityMode {
  return typeof value === 'string' && (COMPATIBILITY_MODES as readonly string[]).includes(value);
}
