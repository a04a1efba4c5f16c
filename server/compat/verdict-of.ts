import type { Finding } from './finding.js';
import type { Level } from './rule.js';

export type Verdict = 'pass' | 'warn' | 'fail';
export type FailOn = 'error' | 'warn' | 'never';

export interface VerdictReport {
  verdict: Verdict;
  /** Whether a pipeline gating at `failOn` should stop. */
  failed: boolean;
  summary: Record<Level, number>;
}

/** The verdict on a set of findings: any error fails, any warning warns; `failOn` sets the gate. */
export function verdictOf(findings: readonly Pick<Finding, 'level'>[], failOn: FailOn = 'error'): VerdictReport {
  const summary: Record<Level, number> = { error: 0, warn: 0, info: 0 };
  for (const f of findings) summary[f.level]++;
  const verdict: Verdict = summary.error > 0 ? 'fail' : summary.warn > 0 ? 'warn' : 'pass';
  const failed = failOn === 'error' ? summary.error > 0 : failOn === 'warn' ? summary.error + summary.warn > 0 : false;
  return { verdict, failed, summary };
}
