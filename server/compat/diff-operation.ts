import { diffCallbacks } from './diff-callbacks.js';
import type { DiffContext, OperationPair } from './diff-context.js';
import { diffParameters } from './diff-parameters.js';
import { diffRequestBody } from './diff-request-body.js';
import { diffResponses } from './diff-responses.js';
import { diffSecurity } from './diff-security.js';
import { diffServerUrls } from './diff-server-urls.js';
import { readSunset } from './read-sunset.js';
import { sunsetMove } from './sunset-move.js';

/**
 * The facts about one operation present in both documents. Security, servers and callbacks are
 * read only for operations clients call: a webhook's `security` is what receivers ask of the API,
 * and its address is whatever receivers registered.
 */
export function diffOperation(context: DiffContext, pair: OperationPair): void {
  diffLifecycle(context, pair);
  diffParameters(context, pair);
  diffRequestBody(context, pair);
  diffResponses(context, pair);
  if (pair.sender === 'client') {
    diffSecurity(context, pair);
    diffServerUrls(context, pair);
    diffCallbacks(context, pair);
  }
}

/** Deprecation, the announced sunset and the `operationId` generated clients are named after. */
function diffLifecycle(context: DiffContext, { key: operation, base, head }: OperationPair): void {
  const { now, minDeprecationDays } = context.options;
  const wasDeprecated = base.operation.deprecated === true;
  const isDeprecated = head.operation.deprecated === true;
  const [from, to] = [readSunset(base.operation, now), readSunset(head.operation, now)];
  if (!wasDeprecated && isDeprecated) {
    context.changes.push({
      kind: 'operation.deprecated',
      operation,
      ...(to.sunset !== undefined && { sunset: to.sunset }),
      ...(to.daysLeft !== undefined && { noticeDays: to.daysLeft }),
      ...(minDeprecationDays !== undefined && { minimumNoticeDays: minDeprecationDays }),
    });
  }
  if (wasDeprecated && !isDeprecated) context.changes.push({ kind: 'operation.reactivated', operation });
  const moved = sunsetMove(from.sunset, to.sunset);
  if (moved && !(moved === 'set' && !wasDeprecated && isDeprecated)) {
    context.changes.push({
      kind: 'operation.sunset-changed',
      operation,
      ...(from.sunset !== undefined && { from: from.sunset }),
      ...(to.sunset !== undefined && { to: to.sunset }),
      moved,
      ...(moved === 'set' && to.daysLeft !== undefined && { noticeDays: to.daysLeft }),
      ...(moved === 'set' && minDeprecationDays !== undefined && { minimumNoticeDays: minDeprecationDays }),
    });
  }
  const [fromId, toId] = [base.operation.operationId, head.operation.operationId];
  if (fromId !== toId) context.changes.push({ kind: 'operation.id-changed', operation, ...(typeof fromId === 'string' && { from: fromId }), ...(typeof toId === 'string' && { to: toId }) });
}
