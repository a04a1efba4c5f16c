import type { AsyncChannel } from './asyncapi-document.js';

/** The keys of the operations on a channel, as consumers subscribe to them. */
export function operationKeys(channel: AsyncChannel): string[] {
  return channel.operations.map((operation) => operation.key);
}
