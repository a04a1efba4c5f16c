import { blockingFindings } from './blocking-findings.js';
import type { Problem } from '../http/index.js';

/**
 * The text of a refusal as the CLI prints it: the code and summary, the fields it names (at most
 * ten), and for a blocked publish the findings that blocked it.
 */
export function describeRefusal(problem: Problem): string {
  const errors = problem.errors ?? [];
  // A lone field's detail is often the summary already (`slug is required`): printing it again adds nothing.
  const named = errors.length === 1 && problem.detail.endsWith(errors[0]!.detail) ? [] : errors;
  const details = named.slice(0, 10).map((e) => `\n  ${e.pointer ?? ''} ${e.detail}`).join('');
  return `error: ${problem.code}: ${problem.detail}${details}${blockingFindings(problem)}`;
}
