import type { ParameterChange, RequestBodyChange, ResponseChange, ServerUrlChange } from './change.js';
import type { DiffContext } from './diff-context.js';
import { fingerprint } from './fingerprint.js';

export type SharedChange = ParameterChange | RequestBodyChange | ResponseChange | ServerUrlChange;
type Observed = SharedChange extends infer C ? (C extends SharedChange ? Omit<C, 'operations'> : never) : never;

/**
 * Adds a fact seen in one operation. A parameter, body, response, header or server defined once and
 * reached from many operations yields the same fact (same pointer) in each: it is recorded once and
 * names every operation, so a change to a shared definition is one finding, not one per operation.
 */
export function recordSharedChange(context: DiffContext, operation: string, observed: Observed): void {
  const key = fingerprint(observed);
  const operations = context.shared.get(key);
  if (operations) {
    if (!operations.includes(operation)) operations.push(operation);
    return;
  }
  const change = { ...observed, operations: [operation] } as SharedChange;
  context.shared.set(key, change.operations);
  context.changes.push(change);
}
