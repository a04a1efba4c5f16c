import type { AsyncChannel } from './asyncapi-document.js';
import { matchPaths } from './match-paths.js';

export interface ChannelMatch {
  matched: [base: AsyncChannel, head: AsyncChannel][];
  removed: AsyncChannel[];
  added: AsyncChannel[];
}

/**
 * Pairs channels by id first, since a 3.0 channel keeps its id when its address moves, then by
 * address ignoring parameter names, which pairs 2.x channels and 3.0 channels whose id changed.
 */
export function matchChannels(base: readonly AsyncChannel[], head: readonly AsyncChannel[]): ChannelMatch {
  const headById = new Map(head.map((channel) => [channel.id, channel]));
  const matched: [AsyncChannel, AsyncChannel][] = [];
  const unmatched: AsyncChannel[] = [];
  for (const channel of base) {
    const partner = headById.get(channel.id);
    if (partner) {
      matched.push([channel, partner]);
      headById.delete(channel.id);
    } else unmatched.push(channel);
  }
  const baseByAddress = byAddress(unmatched);
  const headByAddress = byAddress([...headById.values()]);
  const byShape = matchPaths([...baseByAddress.keys()], [...headByAddress.keys()]);
  for (const [from, to] of byShape.matched) matched.push([baseByAddress.get(from)!, headByAddress.get(to)!]);
  const paired = new Set(matched.flat());
  return { matched, removed: base.filter((channel) => !paired.has(channel)), added: head.filter((channel) => !paired.has(channel)) };
}

// Two 3.0 channels may share an address; the first one pairs, the others count as added or removed.
function byAddress(channels: readonly AsyncChannel[]): Map<string, AsyncChannel> {
  const found = new Map<string, AsyncChannel>();
  for (const channel of channels) if (!found.has(channel.address)) found.set(channel.address, channel);
  return found;
}
