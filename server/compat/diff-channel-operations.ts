import type { AsyncDiffContext, ChannelPair } from './async-diff-context.js';
import { channelOperationRemovalOf } from './channel-operation-removal-of.js';
import { diffMessages } from './diff-messages.js';
import { diffOperationBindings } from './diff-operation-bindings.js';

/** Operations added to or removed from a channel both documents have, or turned around. */
export function diffChannelOperations(context: AsyncDiffContext, { base, head }: ChannelPair): void {
  const removed = base.operations.filter((operation) => !head.operations.some((other) => other.action === operation.action));
  const added = head.operations.filter((operation) => !base.operations.some((other) => other.action === operation.action));
  const removals = removed.map((operation) => channelOperationRemovalOf(base, operation, context.options.now));
  const [from] = removed;
  const [to] = added;
  // The one operation of a channel now going the other way is one fact, not a removal and an
  // addition; unless it was deprecated, when the removal is judged against its sunset.
  if (from && to && removed.length === 1 && added.length === 1 && !removals[0]!.deprecated) {
    context.changes.push({ kind: 'channel-operation.action.changed', operation: from.key, renamedTo: to.key, from: from.action, to: to.action, pointer: to.pointer });
  } else {
    context.changes.push(...removals);
    for (const operation of added) context.changes.push({ kind: 'channel-operation.added', operation: operation.key, pointer: operation.pointer });
  }
  for (const operation of base.operations) {
    const other = head.operations.find((candidate) => candidate.action === operation.action);
    if (!other) continue;
    diffMessages(context, { base: operation, head: other });
    diffOperationBindings(context, { base: operation, head: other });
  }
}
