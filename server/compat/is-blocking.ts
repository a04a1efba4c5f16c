import type { Level } from './rule.js';

/** Whether a pipeline stops on errors, on errors and warnings, or never. */
export type FailOn = 'error' | 'warn' | 'never';

/** What the gate reads of a finding: its level and whatever excuses it. */
export interface GatedFinding {
  level: Level;
  /** Why the finding does not gate (a new major, a pre-release, the mode, a draft contract). */
  accepted?: string | null;
  /** The approved waiver excusing the finding. */
  waiver?: object | null;
}

/**
 * Whether a finding is excused: reported, never gating. Null counts as absent, because a finding
 * read back from JSON or GraphQL spells a missing excuse that way.
 */
export function isExcused(finding: GatedFinding): boolean {
  return (finding.accepted ?? undefined) !== undefined || (finding.waiver ?? undefined) !== undefined;
}

/**
 * Whether a finding stops a pipeline gating at `failOn`: the one place that decides it, for the
 * verdict of a check, the refusal of a publish and every report that lists what blocks.
 */
export function isBlocking(finding: GatedFinding, failOn: FailOn = 'error'): boolean {
  if (isExcused(finding)) return false;
  if (failOn === 'error') return finding.level === 'error';
  if (failOn === 'warn') return finding.level !== 'info';
  return false;
}
