import { isBlocking, isExcused, type FailOn, type GatedFinding } from './is-blocking.js';
import type { Level } from './rule.js';

export type { FailOn } from './is-blocking.js';
export type Verdict = 'pass' | 'warn' | 'fail';

export interface VerdictReport {
  verdict: Verdict;
  /** Whether a pipeline gating at `failOn` should stop. */
  failed: boolean;
  /** Every finding by level, excused ones included. */
  summary: Record<Level, number>;
}

/**
 * The verdict on a set of findings: an error fails, a warning warns, unless it is excused
 * (accepted or waived); `failOn` sets the gate. The summary counts every finding.
 */
export function verdictOf(findings: readonly GatedFinding[], failOn: FailOn = 'error'): VerdictReport {
  const summary: Record<Level, number> = { error: 0, warn: 0, info: 0 };
  for (const f of findings) summary[f.level]++;
  const gating = findings.filter((f) => !isExcused(f));
  const verdict: Verdict = gating.some((f) => f.level === 'error') ? 'fail' : gating.some((f) => f.level === 'warn') ? 'warn' : 'pass';
  return { verdict, failed: findings.some((f) => isBlocking(f, failOn)), summary };
}
