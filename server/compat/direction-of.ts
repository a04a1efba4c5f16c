import type { Direction } from './change.js';
import type { OperationPair } from './diff-context.js';

/**
 * Who writes one part of an operation. Clients write the requests of the operations they call; in
 * webhooks and callbacks the API sends the request and clients' servers answer, so it flips.
 */
export function directionOf(pair: Pick<OperationPair, 'sender'>, part: Direction): Direction {
  if (pair.sender === 'client') return part;
  return part === 'request' ? 'response' : 'request';
}
