import type { Finding } from './finding.js';

/** A finding without its change fact; distributes over unions, so each kind keeps its own fields. */
export type ReportedFinding<F extends object = Finding> = F extends unknown ? Omit<F, 'change'> : never;

/**
 * A finding as reports, the API and storage carry it: the underlying change fact stays inside the
 * engine, because its shape is internal and the message already says what changed.
 */
export function reportedFinding<F extends object>(finding: F): ReportedFinding<F> {
  const { change: _change, ...rest } = finding as F & { change?: unknown };
  return rest as ReportedFinding<F>;
}
