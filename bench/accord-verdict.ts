import { findBreakingChanges, type Finding } from '../server/compat/index.js';
import type { ToolVerdict } from './score-verdicts.js';

/** Accord's verdict on a pair: breaking when any finding is at level `error`; refused when it throws. */
export function accordVerdict(base: object, head: object): ToolVerdict {
  let findings: Finding[];
  try {
    // Copies, so that no engine can reach the case documents the other tool reads next.
    findings = findBreakingChanges(structuredClone(base), structuredClone(head), { now: new Date() });
  } catch (error) {
    return { outcome: 'refused', said: firstLine(error) };
  }
  const ids = (level: Finding['level']) => [...new Set(findings.filter((f) => f.level === level).map((f) => f.id))];
  const said = (['error', 'warn', 'info'] as const)
    .filter((level) => ids(level).length > 0)
    .map((level) => `${level}: ${ids(level).join(', ')}`)
    .join('; ');
  return { outcome: ids('error').length > 0 ? 'breaking' : 'safe', said: said || 'no findings' };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
