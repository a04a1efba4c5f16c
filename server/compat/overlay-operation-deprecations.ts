import { operationMatchKey, parseJsonPointer } from '../shared/index.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { pathItemOperations } from './path-item-operations.js';
import { pathItems } from './path-items.js';
import { readAsyncApi } from './read-asyncapi.js';
import { childPointer } from './resolve-ref.js';

/** An operation its owner deprecated through the registry rather than in the document. */
export interface RecordedDeprecation {
  /** The operation's key as versions list it: `GET /orders/{id}`, `send stock.adjusted`. */
  operation: string;
  /** ISO 8601. */
  sunsetAt: string;
}

/**
 * The document as if it said what the registry recorded: each named operation `deprecated: true`
 * with `x-sunset`, keeping a later sunset the document gives itself. The sunset rules then judge a
 * removal the same whether the deprecation was written in the document or recorded by the API.
 * Operations are matched regardless of path-parameter names, as subscriptions match them; ones the
 * document lacks are skipped. The input is left untouched: only the nodes on the way to a marked
 * operation are copied.
 */
export function overlayOperationDeprecations<T extends object>(document: T, deprecations: readonly RecordedDeprecation[]): T {
  if (deprecations.length === 0 || !isJsonObject(document)) return document;
  const sunsetOf = new Map(deprecations.map((d) => [operationMatchKey(d.operation), d.sunsetAt]));
  let result: JsonObject = document;
  for (const { key, pointer, inheritedSunset } of operationsOf(document)) {
    const sunsetAt = sunsetOf.get(operationMatchKey(key));
    const path = parseJsonPointer(pointer);
    if (sunsetAt !== undefined && path !== undefined) result = replaceAt(result, path, (operation) => markDeprecated(operation, sunsetAt, inheritedSunset)) as JsonObject;
  }
  return result as T;
}

// A documented sunset is the operation's own `x-sunset`, else the one it inherits from its channel.
function markDeprecated(operation: unknown, sunsetAt: string, inheritedSunset?: string): unknown {
  if (!isJsonObject(operation)) return operation;
  const documented = typeof operation['x-sunset'] === 'string' ? operation['x-sunset'] : inheritedSunset;
  const documentedAt = documented === undefined ? Number.NaN : Date.parse(documented);
  const keepDocumented = !Number.isNaN(documentedAt) && documentedAt > Date.parse(sunsetAt);
  return { ...operation, deprecated: true, ...(!keepDocumented && { 'x-sunset': sunsetAt }) };
}

interface OperationSite {
  key: string;
  pointer: string;
  /** An AsyncAPI channel's `x-sunset`, which its operations inherit. */
  inheritedSunset?: string;
}

/**
 * Every operation with the key `spec/index-operations.ts` gives it and where its node lives; a 3.0
 * operation read from several operation objects on one channel is every one of them.
 */
function operationsOf(doc: JsonObject): OperationSite[] {
  if (typeof doc.asyncapi === 'string') {
    return readAsyncApi(doc).channels.flatMap((channel) => {
      const sunset = channel.node['x-sunset'];
      return channel.operations.flatMap(({ key, declarations }) => declarations.map(({ pointer }) => ({ key, pointer, ...(typeof sunset === 'string' && { inheritedSunset: sunset }) })));
    });
  }
  const http = (map: unknown, at: string, keyOf: (method: string, name: string) => string) =>
    [...pathItems(doc, map, at).values()].flatMap((item) => pathItemOperations(item).map(({ method, side }) => ({ key: keyOf(method, item.path), pointer: side.pointer })));
  return [...http(doc.paths, '/paths', (method, path) => `${method} ${path}`), ...http(doc.webhooks, '/webhooks', (method, name) => `webhook ${name} ${method}`)];
}

/** A copy of `node` with the value at `path` replaced, sharing every untouched branch. */
function replaceAt(node: unknown, path: readonly string[], replace: (value: unknown) => unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replace(node);
  if (Array.isArray(node)) {
    const index = Number(head);
    if (!Number.isInteger(index) || index < 0 || index >= node.length) return node;
    const copy = [...node];
    copy[index] = replaceAt(node[index], rest, replace);
    return copy;
  }
  if (!isJsonObject(node) || !Object.hasOwn(node, head)) return node;
  return { ...node, [head]: replaceAt(node[head], rest, replace) };
}
