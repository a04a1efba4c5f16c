import type { AsyncChannel } from './asyncapi-document.js';
import type { AsyncDiffContext } from './async-diff-context.js';
import { channelOperationRemovalOf } from './channel-operation-removal-of.js';
import { diffChannelBindings } from './diff-channel-bindings.js';
import { diffChannelOperations } from './diff-channel-operations.js';
import { diffChannelParameters } from './diff-channel-parameters.js';
import { matchChannels } from './match-channels.js';
import { operationKeys } from './operation-keys.js';
import { sameAddress } from './same-address.js';

/**
 * Channels added, removed or moved, then everything below the channels both documents have. A
 * channel counts only while an operation uses it, so one losing its last operation is removed.
 */
export function diffChannels(context: AsyncDiffContext): void {
  const { matched, removed, added } = matchChannels(context.base.channels, context.head.channels);
  for (const channel of removed) diffRemovedChannel(context, channel);
  for (const channel of added) context.changes.push({ kind: 'channel.added', channel: channel.address, pointer: channel.pointer, operations: operationKeys(channel) });
  for (const [base, head] of matched) {
    if (!sameAddress(base.address, head.address)) {
      context.changes.push({ kind: 'channel.address.changed', channel: base.address, from: base.address, to: head.address, pointer: head.pointer, operations: operationKeys(base) });
    }
    diffChannelParameters(context, { base, head });
    diffChannelBindings(context, { base, head });
    diffChannelOperations(context, { base, head });
  }
}

// A channel whose every operation was deprecated is judged operation by operation, so each sunset counts.
function diffRemovedChannel(context: AsyncDiffContext, channel: AsyncChannel): void {
  const removals = channel.operations.map((operation) => channelOperationRemovalOf(channel, operation, context.options.now));
  const deprecated = removals.length > 0 && removals.every((removal) => removal.deprecated);
  context.changes.push({ kind: 'channel.removed', channel: channel.address, pointer: channel.pointer, operations: operationKeys(channel), deprecated });
  if (deprecated) context.changes.push(...removals);
}
