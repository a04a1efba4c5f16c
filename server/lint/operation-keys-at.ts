import { resolveJsonPointer } from '../shared/index.js';

type Obj = Record<string, unknown>;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
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
  const [area, name, verb] = path.map(String);
  if (name === undefined) return [];
  if (typeof doc.openapi === 'string' || typeof doc.swagger === 'string') {
    if (area !== 'paths' && area !== 'webhooks') return [];
    const item = follow(doc, (doc[area] as Obj | undefined)?.[name]);
    if (!isObj(item)) return [];
    const methods = verb !== undefined && HTTP_METHODS.includes(verb) ? [verb] : HTTP_METHODS.filter((m) => isObj(item[m]));
    return methods.map((m) => (area === 'paths' ? `${m.toUpperCase()} ${name}` : `webhook ${name} ${m.toUpperCase()}`));
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
