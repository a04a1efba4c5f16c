import { resolveJsonPointer } from '../shared/index.js';

type Obj = Record<string, unknown>;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'];
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function follow(doc: Obj, node: unknown): unknown {
  for (let hops = 0; isObj(node) && typeof node.$ref === 'string' && node.$ref.startsWith('#') && hops < 16; hops++) node = resolveJsonPointer(doc, node.$ref);
  return node;
}

/**
 * The keys of the operations a location in a document belongs to, spelled as the registry's
 * operation index spells them (`GET /orders/{id}`, `webhook orderShipped POST`, `send orders.created`):
 * one for a location inside an operation, every operation of a path item or channel for a location
 * on it, none for shared components, whose users a lint rule does not look for.
 */
export function operationKeysAt(doc: Obj, path: readonly (string | number)[]): string[] {
  const [area, name, verb, extra] = path.map(String);
  if (name === undefined) return [];
  if (typeof doc.openapi === 'string' || typeof doc.swagger === 'string') {
    if (area !== 'paths' && area !== 'webhooks') return [];
    const item = follow(doc, (doc[area] as Obj | undefined)?.[name]);
    if (!isObj(item)) return [];
    // 3.2 `additionalOperations` keys are the method as sent; the fixed fields are upper-cased.
    const additional = isObj(item.additionalOperations) ? Object.keys(item.additionalOperations).filter((m) => isObj((item.additionalOperations as Obj)[m])) : [];
    const all = [...HTTP_METHODS.filter((m) => isObj(item[m])).map((m) => m.toUpperCase()), ...additional];
    const methods = verb !== undefined && HTTP_METHODS.includes(verb) ? [verb.toUpperCase()] : verb === 'additionalOperations' && extra !== undefined ? [extra] : all;
    return methods.map((m) => (area === 'paths' ? `${m} ${name}` : `webhook ${name} ${m}`));
  }
  if (typeof doc.asyncapi !== 'string') return [];
  if (doc.asyncapi.startsWith('2.')) {
    if (area !== 'channels') return [];
    const item = follow(doc, (doc.channels as Obj | undefined)?.[name]);
    if (!isObj(item)) return [];
    // From the application's point of view: a 2.x `subscribe` operation is one it sends.
    const verbs = verb === 'subscribe' || verb === 'publish' ? [verb] : ['subscribe', 'publish'].filter((v) => isObj(item[v]));
    return verbs.map((v) => `${v === 'subscribe' ? 'send' : 'receive'} ${name}`);
  }
  const operations = Object.entries(isObj(doc.operations) ? doc.operations : {});
  if (area === 'operations') return operations.filter(([id]) => id === name).flatMap(([id, op]) => asyncApi3Key(doc, id, op));
  if (area === 'channels') {
    const ref = `#/channels/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    return [...new Set(operations.filter(([, op]) => isObj(op) && isObj(op.channel) && op.channel.$ref === ref).flatMap(([id, op]) => asyncApi3Key(doc, id, op)))];
  }
  return [];
}

function asyncApi3Key(doc: Obj, id: string, raw: unknown): string[] {
  const op = follow(doc, raw);
  if (!isObj(op) || (op.action !== 'send' && op.action !== 'receive')) return [];
  const ref = isObj(op.channel) && typeof op.channel.$ref === 'string' ? op.channel.$ref : undefined;
  const channel = follow(doc, op.channel);
  const key = ref?.split('/').pop()?.replaceAll('~1', '/').replaceAll('~0', '~') ?? id;
  const address = (isObj(channel) && typeof channel.address === 'string' && channel.address) || key;
  return [`${op.action} ${address}`];
}
