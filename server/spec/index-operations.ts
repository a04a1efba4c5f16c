import { resolveJsonPointer } from '../shared/index.js';
import type { SpecFlavour } from './detect-spec-kind.js';
import type { Operation } from './spec-document.js';

// `query` is 3.2's; older path items cannot hold it.
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'] as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Lists the operations a document offers, keyed the way consumers name them in subscriptions:
 * `GET /orders/{id}` for HTTP, `send <address>` / `receive <address>` from the application's point
 * of view for AsyncAPI (2.x `publish` means the application receives).
 */
export function indexOperations(doc: Obj, flavour: SpecFlavour): Operation[] {
  switch (flavour.family) {
    case 'swagger-2.0':
    case 'openapi-3.0':
    case 'openapi-3.1':
    case 'openapi-3.2':
      return indexHttp(doc);
    case 'asyncapi-2':
      return indexAsyncApi2(doc);
    case 'asyncapi-3':
      return indexAsyncApi3(doc);
  }
}

function follow(doc: Obj, node: unknown): unknown {
  // Internal references only: ingest has refused every other kind before indexing runs.
  for (let hops = 0; isObj(node) && typeof node.$ref === 'string' && hops < 16; hops++) {
    node = resolveJsonPointer(doc, node.$ref);
  }
  return node;
}

function indexHttp(doc: Obj): Operation[] {
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(isObj(doc.paths) ? doc.paths : {})) {
    const item = follow(doc, rawItem);
    if (!isObj(item)) continue;
    for (const [method, op] of methodsOf(item)) {
      operations.push({
        key: `${method} ${path}`,
        kind: 'http',
        method,
        path,
        ...describe(op),
        ...(Array.isArray(op.tags) ? { tags: op.tags.filter((t): t is string => typeof t === 'string') } : {}),
      });
    }
  }
  for (const [name, rawItem] of Object.entries(isObj(doc.webhooks) ? doc.webhooks : {})) {
    const item = follow(doc, rawItem);
    if (!isObj(item)) continue;
    for (const [method, op] of methodsOf(item)) operations.push({ key: `webhook ${name} ${method}`, kind: 'webhook', method, name, ...describe(op) });
  }
  return operations;
}

/**
 * A path item's operations by the method their requests carry: the fixed fields upper-cased, then
 * 3.2 `additionalOperations`, whose keys are the method as sent (methods are case-sensitive).
 */
function methodsOf(item: Obj): [string, Obj][] {
  const found: [string, Obj][] = [];
  for (const method of HTTP_METHODS) {
    const op = item[method];
    if (isObj(op)) found.push([method.toUpperCase(), op]);
  }
  for (const [method, op] of Object.entries(isObj(item.additionalOperations) ? item.additionalOperations : {})) if (isObj(op)) found.push([method, op]);
  return found;
}

function indexAsyncApi2(doc: Obj): Operation[] {
  const operations: Operation[] = [];
  for (const [channel, rawItem] of Object.entries(isObj(doc.channels) ? doc.channels : {})) {
    const item = follow(doc, rawItem);
    if (!isObj(item)) continue;
    for (const [verb, action] of [['subscribe', 'send'], ['publish', 'receive']] as const) {
      const op = follow(doc, item[verb]);
      if (!isObj(op)) continue;
      operations.push({ key: `${action} ${channel}`, kind: 'message', action, channel, ...describe(op), messages: messageNames(doc, op.message) });
    }
  }
  return operations;
}

function indexAsyncApi3(doc: Obj): Operation[] {
  const byKey = new Map<string, Extract<Operation, { kind: 'message' }>>();
  for (const [id, rawOp] of Object.entries(isObj(doc.operations) ? doc.operations : {})) {
    const op = follow(doc, rawOp);
    if (!isObj(op) || (op.action !== 'send' && op.action !== 'receive')) continue;
    const channelRef = isObj(op.channel) ? str(op.channel.$ref) : undefined;
    const channel = follow(doc, op.channel);
    const channelKey = channelRef?.split('/').pop()?.replaceAll('~1', '/').replaceAll('~0', '~') ?? id;
    const address = (isObj(channel) && str(channel.address)) || channelKey;
    const key = `${op.action} ${address}`;
    const messages = Array.isArray(op.messages) ? op.messages.flatMap((m) => messageNames(doc, m)) : channelMessages(doc, channel);
    const existing = byKey.get(key);
    if (existing) {
      existing.messages = [...new Set([...existing.messages, ...messages])];
      continue;
    }
    byKey.set(key, { key, kind: 'message', action: op.action, channel: address, ...describe(op), operationId: id, messages });
  }
  return [...byKey.values()];
}

function describe(op: Obj) {
  return {
    ...(str(op.operationId) ? { operationId: str(op.operationId) } : {}),
    ...(str(op.summary) ? { summary: str(op.summary) } : {}),
    ...(op.deprecated === true ? { deprecated: true } : {}),
  };
}

function channelMessages(doc: Obj, channel: unknown): string[] {
  if (!isObj(channel) || !isObj(channel.messages)) return [];
  return Object.entries(channel.messages).map(([key, m]) => {
    const message = follow(doc, m);
    return (isObj(message) && str(message.name)) || key;
  });
}

/**
 * Message names for AsyncAPI 2 (`message` or `message.oneOf`) and 3 (`$ref` to a message).
 * `seen` stops a `oneOf` that refers back to itself, which the schema does not forbid.
 */
function messageNames(doc: Obj, node: unknown, seen = new Set<unknown>()): string[] {
  const ref = isObj(node) ? str(node.$ref) : undefined;
  const message = follow(doc, node);
  if (!isObj(message) || seen.has(message)) return [];
  seen.add(message);
  if (Array.isArray(message.oneOf)) return message.oneOf.flatMap((m) => messageNames(doc, m, seen));
  const name = str(message.name) ?? str(message.messageId) ?? ref?.split('/').pop();
  return name ? [name] : [];
}
