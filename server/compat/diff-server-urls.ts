import type { DiffContext, OperationPair, OperationSide } from './diff-context.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { recordSharedChange } from './record-shared-change.js';
import { childPointer } from './resolve-ref.js';

interface Variable {
  default?: string;
  enum?: string[];
}

/** One server entry, with its address read with every variable at its default. */
interface Server {
  url: string;
  pointer: string;
  variables: Map<string, Variable>;
  /** Absent for a relative URL. */
  scheme?: string;
  /** Lower case, without the scheme's default port; absent for a relative URL. */
  host?: string;
  /** Without a trailing slash, so `/` is the empty prefix. */
  path: string;
}

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

// Most operations inherit the document's one `servers` list: read each list once, not per operation.
const read = new WeakMap<unknown[], readonly Server[]>();

/**
 * Where an operation clients call is served: its effective `servers` added or removed, path
 * prefixes and schemes changed, and server variables' defaults and allowed values. A base server
 * pairs with a head server written the same way, else at the same address, else on the same host
 * (a relative URL matches any host), so a new path prefix is a change to one server.
 */
export function diffServerUrls(context: DiffContext, { key, base, head }: OperationPair): void {
  const from = serversOf(context.base, base);
  const to = serversOf(context.head, head);
  if (from.length === 0 || to.length === 0) return;
  const record = recordSharedChange.bind(undefined, context, key);
  const pairs: [Server, Server, sameTemplate: boolean][] = [];
  const pair = (sameTemplate: boolean, matches: (a: Server, b: Server) => boolean) => {
    for (const a of [...from]) {
      const b = to.find((candidate) => matches(a, candidate));
      if (!b) continue;
      pairs.push([a, b, sameTemplate]);
      from.splice(from.indexOf(a), 1);
      to.splice(to.indexOf(b), 1);
    }
  };
  pair(true, (a, b) => a.url === b.url);
  pair(false, (a, b) => a.host === b.host && a.path === b.path);
  pair(false, (a, b) => a.host === undefined || b.host === undefined || a.host === b.host);

  for (const [a, b, sameTemplate] of pairs) {
    const site = { url: b.url, pointer: b.pointer };
    // The same template only resolves elsewhere through a variable's default, reported as such.
    if (!sameTemplate && a.path !== b.path) record({ kind: 'server-url.path-changed', ...site, from: a.path || '/', to: b.path || '/' });
    if (!sameTemplate && a.scheme !== undefined && b.scheme !== undefined && a.scheme !== b.scheme) record({ kind: 'server-url.scheme-changed', ...site, from: a.scheme, to: b.scheme });
    for (const [variable, was] of a.variables) {
      const is = b.variables.get(variable);
      if (!is) continue;
      if (was.default !== is.default) record({ kind: 'server-variable.default-changed', ...site, variable, ...(was.default !== undefined && { from: was.default }), ...(is.default !== undefined && { to: is.default }) });
      if (!was.enum || !is.enum) continue;
      const removed = was.enum.filter((value) => !is.enum!.includes(value));
      const added = is.enum.filter((value) => !was.enum!.includes(value));
      if (removed.length > 0) record({ kind: 'server-variable.enum.values-removed', ...site, variable, values: removed });
      if (added.length > 0) record({ kind: 'server-variable.enum.values-added', ...site, variable, values: added });
    }
  }
  for (const server of from) record({ kind: 'server-url.removed', url: server.url, pointer: server.pointer, othersRemain: pairs.length > 0 });
  for (const server of to) record({ kind: 'server-url.added', url: server.url, pointer: server.pointer });
}

/** The operation's own `servers`, else its path item's, else the document's; none when no level states any. */
function serversOf(doc: JsonObject, side: OperationSide): Server[] {
  const levels: [unknown, string][] = [
    [side.operation.servers, childPointer(side.pointer, 'servers')],
    [side.pathItem.servers, childPointer(side.pathItemPointer, 'servers')],
    [doc.servers, '/servers'],
  ];
  const found = levels.find(([servers]) => Array.isArray(servers) && servers.length > 0);
  if (!found) return [];
  const [list, pointer] = found as [unknown[], string];
  let servers = read.get(list);
  if (!servers) read.set(list, (servers = list.flatMap((raw, index) => (isJsonObject(raw) && typeof raw.url === 'string' ? [serverOf(raw, raw.url, childPointer(pointer, index))] : []))));
  return [...servers];
}

function serverOf(raw: JsonObject, url: string, pointer: string): Server {
  const variables = new Map<string, Variable>();
  for (const [name, value] of Object.entries(isJsonObject(raw.variables) ? raw.variables : {})) {
    if (!isJsonObject(value)) continue;
    variables.set(name, {
      ...(typeof value.default === 'string' && { default: value.default }),
      ...(Array.isArray(value.enum) && { enum: value.enum.filter((v): v is string => typeof v === 'string') }),
    });
  }
  const resolved = url.replace(/\{([^}]*)\}/g, (placeholder, name: string) => variables.get(name)?.default ?? placeholder);
  return { url, pointer, variables, ...addressOf(resolved) };
}

function addressOf(url: string): Pick<Server, 'scheme' | 'host' | 'path'> {
  const absolute = /^(?:([a-z][a-z0-9+.-]*):)?\/\/([^/?#]*)([^?#]*)/i.exec(url);
  if (!absolute) return { path: prefixOf(url.split(/[?#]/)[0]!) };
  const scheme = absolute[1]?.toLowerCase();
  const [host, port] = absolute[2]!.toLowerCase().split(/:(?=\d+$)/);
  const explicitPort = port !== undefined && (scheme === undefined || DEFAULT_PORTS[scheme] !== port) ? `:${port}` : '';
  return { ...(scheme !== undefined && { scheme }), host: `${host}${explicitPort}`, path: prefixOf(absolute[3]!) };
}

// `v1`, `/v1` and `/v1/` are the same prefix; the empty prefix is the root.
function prefixOf(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
