import type { Change, ChangeKind } from './change.js';
import { diffDocuments, type DiffOptions } from './diff-documents.js';
import type { Finding } from './finding.js';
import type { AnyRule, Level } from './rule.js';
import { rules as registry } from './rules/index.js';

export interface FindBreakingChangesOptions extends DiffOptions {
  /** Overrides a rule's level by id, e.g. `{ 'response-enum-value-added': 'error' }`; `off` drops the rule. */
  levels?: Record<string, Level | 'off'>;
  rules?: readonly AnyRule[];
}

/** Diffs two contract documents and judges every change with the rule registry. */
export function findBreakingChanges(base: object, head: object, { levels = {}, rules = registry, ...options }: FindBreakingChangesOptions = {}): Finding[] {
  return judgeChanges(diffDocuments(base, head, options), { levels, rules });
}

/** Turns facts into findings: each rule that matches a change yields one finding. */
export function judgeChanges(changes: readonly Change[], { levels = {}, rules = registry }: FindBreakingChangesOptions = {}): Finding[] {
  const byKind = new Map<ChangeKind, AnyRule[]>();
  for (const rule of rules) byKind.set(rule.on, [...(byKind.get(rule.on) ?? []), rule]);
  const findings: Finding[] = [];
  for (const change of changes) {
    for (const rule of byKind.get(change.kind) ?? []) {
      // The registry groups rules by `on`, so each rule only ever sees its own kind of change.
      const judged = rule as unknown as { when?: (c: Change) => boolean; message: (c: Change) => string };
      if (judged.when && !judged.when(change)) continue;
      const level = levels[rule.id] ?? rule.level;
      if (level === 'off') continue;
      findings.push({ id: rule.id, level, message: judged.message(change), why: rule.why, ...where(change), change });
    }
  }
  return findings;
}

function where(change: Change): Pick<Finding, 'operation' | 'operations' | 'pointer'> {
  const pointer = 'pointer' in change ? { pointer: change.pointer } : {};
  if ('operation' in change) return { operation: change.operation, operations: [change.operation], ...pointer };
  const operations = [...change.operations];
  return { ...(operations.length === 1 && { operation: operations[0] }), operations, ...pointer };
}
