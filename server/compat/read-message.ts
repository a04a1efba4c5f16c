import type { AsyncMessage } from './asyncapi-document.js';
import { isJsonObject } from './json-object.js';
import { readTraits } from './read-traits.js';
import { refName } from './ref-name.js';
import { resolveRef } from './resolve-ref.js';

/**
 * One message, named as `spec/index-operations.ts` names it (its `name`, `messageId`, or the key it
 * is referenced by), so messages pair up across versions by the name consumers see. `fallback`
 * names an inline message that has none of these.
 */
export function readMessage(doc: unknown, raw: unknown, pointer: string, fallback: string): AsyncMessage | undefined {
  const { node, pointer: at } = resolveRef(doc, raw, pointer);
  if (!isJsonObject(node)) return undefined;
  const ref = isJsonObject(raw) && typeof raw.$ref === 'string' ? refName(raw.$ref) : undefined;
  const name = text(node.name) ?? text(node.messageId) ?? ref ?? fallback;
  return { name, node, pointer: at, traits: readTraits(doc, node, at) };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
