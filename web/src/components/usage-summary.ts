import type { ListedFinding } from './finding-list.tsx';

/**
 * One sentence on how usage weighed in a version's stored findings, for views that have the findings
 * but not the check's own explanation (a version keeps its findings, not the verdict's wording).
 * It counts what the server decided (`accepted: "unused"`, the consumers named); it decides nothing.
 */
export function usageSummary(findings: readonly ListedFinding[]): string | null {
  const unused = findings.filter((f) => f.accepted === 'unused');
  const reaching = findings.filter((f) => f.level === 'error' && !f.accepted && (f.consumers?.length ?? 0) > 0);
  const parts: string[] = [];
  if (unused.length > 0) parts.push(`${breaking(unused.length)} no declared or observed consumer uses, so ${unused.length === 1 ? 'it passed' : 'they passed'}`);
  if (reaching.length > 0) {
    const named = new Map<string, string>();
    for (const c of reaching.flatMap((f) => f.consumers ?? [])) named.set(c.consumer, `${c.consumer} (${[c.declared && 'declared', c.requests != null && 'observed'].filter(Boolean).join(', ')})`);
    parts.push(`${breaking(reaching.length)} ${reaching.length === 1 ? 'reaches' : 'reach'} ${[...named.values()].join(', ')}`);
  }
  return parts.length === 0 ? null : `${parts.join('; ')}.`;
}

const breaking = (n: number) => (n === 1 ? '1 breaking change' : `${n} breaking changes`);
