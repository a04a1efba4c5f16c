import type { AsyncChannel, AsyncMessage } from './asyncapi-document.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { readChannelServers } from './read-channel-servers.js';
import { readMessage } from './read-message.js';
import { readTraits } from './read-traits.js';
import { refName } from './ref-name.js';
import { childPointer, resolveRef } from './resolve-ref.js';

/**
 * The channels of an AsyncAPI 3.0 document that its operations use, keyed the way
 * `spec/index-operations.ts` keys them: operations with the same action on the same channel are
 * one operation to consumers, so their messages are merged.
 */
export function readAsyncApi3Channels(doc: JsonObject): AsyncChannel[] {
  const channels = new Map<string, AsyncChannel>();
  for (const [id, raw] of Object.entries(isJsonObject(doc.operations) ? doc.operations : {})) {
    const { node, pointer } = resolveRef(doc, raw, childPointer('/operations', id));
    if (!isJsonObject(node) || (node.action !== 'send' && node.action !== 'receive')) continue;
    const action = node.action;
    const channelId = isJsonObject(node.channel) && typeof node.channel.$ref === 'string' ? refName(node.channel.$ref) : id;
    const resolved = resolveRef(doc, node.channel, childPointer(pointer, 'channel'));
    const channelNode = isJsonObject(resolved.node) ? resolved.node : {};
    const address = (typeof channelNode.address === 'string' && channelNode.address) || channelId;
    let channel = channels.get(channelId);
    if (!channel) {
      channel = { id: channelId, address, node: channelNode, pointer: resolved.pointer, traits: [], ...readChannelServers(channelNode.servers), operations: [] };
      channels.set(channelId, channel);
    }
    // Without a `messages` list an operation carries every message of its channel.
    const messages = Array.isArray(node.messages)
      ? node.messages.flatMap((message, index) => readMessage(doc, message, childPointer(pointer, 'messages', index), `#${index}`) ?? [])
      : channelMessages(doc, channel);
    const existing = channel.operations.find((operation) => operation.action === action);
    if (existing) {
      existing.messages.push(...messages.filter((message) => !existing.messages.some((known) => known.name === message.name)));
      existing.declarations.push({ node, pointer });
    } else channel.operations.push({ key: `${action} ${address}`, action, node, pointer, traits: readTraits(doc, node, pointer), messages, declarations: [{ node, pointer }] });
  }
  return [...channels.values()];
}

function channelMessages(doc: JsonObject, channel: AsyncChannel): AsyncMessage[] {
  const messages = isJsonObject(channel.node.messages) ? channel.node.messages : {};
  return Object.entries(messages).flatMap(([key, raw]) => readMessage(doc, raw, childPointer(channel.pointer, 'messages', key), key) ?? []);
}
