import type { AsyncChannel, AsyncMessage, AsyncOperation } from './asyncapi-document.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { readChannelServers } from './read-channel-servers.js';
import { readMessage } from './read-message.js';
import { readTraits } from './read-traits.js';
import { childPointer, resolveRef } from './resolve-ref.js';

// In 2.x a client `subscribe`s to what the application sends and `publish`es what it receives.
const VERBS = [
  ['subscribe', 'send'],
  ['publish', 'receive'],
] as const;

/** The channels of an AsyncAPI 2.x document; a channel's name is its address. */
export function readAsyncApi2Channels(doc: JsonObject): AsyncChannel[] {
  const channels: AsyncChannel[] = [];
  for (const [name, raw] of Object.entries(isJsonObject(doc.channels) ? doc.channels : {})) {
    const { node, pointer } = resolveRef(doc, raw, childPointer('/channels', name));
    if (!isJsonObject(node)) continue;
    const operations: AsyncOperation[] = [];
    for (const [verb, action] of VERBS) {
      const operation = resolveRef(doc, node[verb], childPointer(pointer, verb));
      if (!isJsonObject(operation.node)) continue;
      operations.push({
        key: `${action} ${name}`,
        action,
        node: operation.node,
        pointer: operation.pointer,
        traits: readTraits(doc, operation.node, operation.pointer),
        messages: messagesOf(doc, operation.node.message, childPointer(operation.pointer, 'message')),
        declarations: [{ node: operation.node, pointer: operation.pointer }],
      });
    }
    if (operations.length > 0) channels.push({ id: name, address: name, node, pointer, traits: [], ...readChannelServers(node.servers), operations });
  }
  return channels;
}

// `message` is one message or `{ oneOf: [...] }`; `seen` stops a `oneOf` that refers back to itself.
function messagesOf(doc: JsonObject, raw: unknown, pointer: string, index = 0, seen = new Set<unknown>()): AsyncMessage[] {
  const { node, pointer: at } = resolveRef(doc, raw, pointer);
  if (!isJsonObject(node) || seen.has(node)) return [];
  seen.add(node);
  if (Array.isArray(node.oneOf)) return node.oneOf.flatMap((member, position) => messagesOf(doc, member, childPointer(at, 'oneOf', position), position, seen));
  const message = readMessage(doc, raw, pointer, `#${index}`);
  return message ? [message] : [];
}
