import type { AsyncDiffContext, AsyncOperationPair } from './async-diff-context.js';
import type { Direction } from './change.js';
import { diffMessage } from './diff-message.js';

/** Messages an operation gained or lost, and the changes to those it kept. */
export function diffMessages(context: AsyncDiffContext, { base, head }: AsyncOperationPair): void {
  // Clients read what the application sends and write what it receives.
  const direction: Direction = head.action === 'send' ? 'response' : 'request';
  const operation = head.key;
  for (const message of base.messages) {
    const other = head.messages.find((candidate) => candidate.name === message.name);
    if (other) diffMessage(context, { operation, direction, base: message, head: other });
    else context.changes.push({ kind: 'message.removed', operation, message: message.name, direction, pointer: message.pointer });
  }
  for (const message of head.messages) {
    if (!base.messages.some((candidate) => candidate.name === message.name)) {
      context.changes.push({ kind: 'message.added', operation, message: message.name, direction, pointer: message.pointer });
    }
  }
}
