import type { ChangeOf } from './change.js';
import type { OperationSide } from './diff-context.js';
import { readSunset } from './read-sunset.js';

/** The fact that an operation is gone, with what its deprecation and sunset had announced. */
export function removalOf(operation: string, side: OperationSide, now?: Date): ChangeOf<'operation.removed'> {
  const { sunset, passed } = readSunset(side.operation, now);
  return { kind: 'operation.removed', operation, deprecated: side.operation.deprecated === true, ...(sunset !== undefined && { sunset }), sunsetPassed: passed };
}
