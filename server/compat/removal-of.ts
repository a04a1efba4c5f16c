import type { ChangeOf } from './change.js';
import type { OperationSide } from './diff-context.js';
import { removalNoticeOf } from './removal-notice-of.js';

/** The fact that an operation is gone, with what its deprecation and sunset had announced. */
export function removalOf(operation: string, side: OperationSide, now?: Date): ChangeOf<'operation.removed'> {
  return { kind: 'operation.removed', operation, ...removalNoticeOf(side.operation, now) };
}
