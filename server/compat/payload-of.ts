import type { AsyncMessage } from './asyncapi-document.js';
import { isJsonObject } from './json-object.js';
import { readField } from './read-field.js';
import { childPointer, resolveRef } from './resolve-ref.js';

export interface Payload {
  node: unknown;
  pointer: string;
  format?: string;
  /** Whether the schema speaks JSON Schema keywords, so `compareSchemas` can compare it. */
  comparable: boolean;
}

// AsyncAPI schemas, JSON Schema and OpenAPI 3.0 schemas share their keywords; Avro, Protobuf and
// RAML types do not.
const KEYWORD_FORMATS = /^application\/(vnd\.aai\.asyncapi|schema|vnd\.oai\.openapi)([+;]|$)/i;

/** A message's payload schema and its format: 2.x names it on the message, 3.0 wraps the schema. */
export function payloadOf(doc: unknown, message: AsyncMessage): Payload {
  const payload = readField(doc, message, 'payload');
  const pointer = payload?.pointer ?? childPointer(message.pointer, 'payload');
  const node = payload?.node;
  if (isJsonObject(node) && typeof node.schemaFormat === 'string' && Object.hasOwn(node, 'schema')) {
    const schema = resolveRef(doc, node.schema, childPointer(pointer, 'schema'));
    return { node: schema.node, pointer: schema.pointer, format: node.schemaFormat, comparable: KEYWORD_FORMATS.test(node.schemaFormat) };
  }
  const format = readField(doc, message, 'schemaFormat')?.node;
  if (typeof format !== 'string') return { node, pointer, comparable: true };
  return { node, pointer, format, comparable: KEYWORD_FORMATS.test(format) };
}
