import { isBlocking, type GatedFinding } from '../compat/index.js';

type ProblemFinding = GatedFinding & { id: string; message: string };

/** The lines a blocked publish adds to its refusal: the findings that blocked it, not the excused ones. */
export function blockingFindings(problem: Record<string, unknown>): string {
  const findings = Array.isArray(problem.findings) ? (problem.findings as ProblemFinding[]) : [];
  return findings
    .filter((f) => isBlocking(f))
    .map((f) => `\n  ${f.id}  ${f.message}`)
    .join('');
}
