import type { Finding } from './finding.js';

export type ReportedFinding<F extends Finding = Finding> = Omit<F, 'change'>;

/**
 * A finding as reports, the API and storage carry it: the underlying change fact stays inside the
 * engine, because its shape is internal and the message already says what changed.
 */
export function reportedFinding<F extends Finding>({ change: _change, ...finding }: F): ReportedFinding<F> {
  return finding;
}
