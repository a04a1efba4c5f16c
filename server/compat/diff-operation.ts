import type { DiffContext, OperationPair } from './diff-context.js';
import { diffParameters } from './diff-parameters.js';
import { diffRequestBody } from './diff-request-body.js';
import { diffResponses } from './diff-responses.js';
import { diffSecurity } from './diff-security.js';

/** The facts about one operation present in both documents. */
export function diffOperation(context: DiffContext, pair: OperationPair): void {
  const wasDeprecated = pair.base.operation.deprecated === true;
  const isDeprecated = pair.head.operation.deprecated === true;
  if (!wasDeprecated && isDeprecated) context.changes.push({ kind: 'operation.deprecated', operation: pair.key });
  if (wasDeprecated && !isDeprecated) context.changes.push({ kind: 'operation.reactivated', operation: pair.key });
  diffParameters(context, pair);
  diffRequestBody(context, pair);
  diffResponses(context, pair);
  diffSecurity(context, pair);
}
