import type { ProcessRun } from './run-process.js';

export type PeerRun =
  | { finished: true; ms: number; breaking: number; nonBreaking: number; unclassified: number }
  | { finished: false; ms: number; label: string };

/**
 * Reads the outcome of one `openapi-diff <base> <head>` process from its output: it prints
 * "Breaking changes found…", "Non breaking changes found…" or "No changes found" followed by the
 * outcome as JSON, and exits 1 both for breaking changes and for errors.
 */
export function classifyOpenApiDiffRun(run: ProcessRun): PeerRun {
  const seconds = `${(run.ms / 1000).toFixed(1)} s`;
  if (run.timedOut) return { finished: false, ms: run.ms, label: `timed out after ${seconds}` };
  const [headline = '', ...rest] = run.stdout.split('\n');
  if (/^(Breaking changes found|Non breaking changes found|No changes found)/.test(headline)) {
    const outcome = (rest.length > 0 && rest.join('\n').trim() ? JSON.parse(rest.join('\n')) : {}) as Record<string, unknown[] | undefined>;
    return {
      finished: true,
      ms: run.ms,
      breaking: outcome.breakingDifferences?.length ?? 0,
      nonBreaking: outcome.nonBreakingDifferences?.length ?? 0,
      unclassified: outcome.unclassifiedDifferences?.length ?? 0,
    };
  }
  if (run.stderr.includes('Unsupported OpenAPI version')) return { finished: false, ms: run.ms, label: 'refused 3.1' };
  if (run.stderr.includes('heap out of memory')) return { finished: false, ms: run.ms, label: `crashed after ${seconds}: JavaScript heap out of memory` };
  const cause = run.stderr.split('\n').find((line) => /Error/.test(line))?.replace(/^\S*\s*\[VError\]:\s*/, '').trim() ?? `exit ${run.code ?? run.signal}`;
  return { finished: false, ms: run.ms, label: `crashed after ${seconds}: ${cause.slice(0, 90)}` };
}
