/** An HTTP operation of the document, where its path template matched. */
export interface MatchedOperation<T> {
  operation: T;
  /** Path parameters by name, percent-decoded. */
  params: Record<string, string>;
}

export interface OperationMatcher<T> {
  /** The operation for a method and a request path (no query), or undefined when none is documented. */
  match(method: string, path: string): MatchedOperation<T> | undefined;
}

interface Leaf<T> {
  operation: T;
  names: string[];
}

interface Node<T> {
  literals: Map<string, Node<T>>;
  /** `{id}.json`: one parameter between a literal prefix and suffix within a segment. */
  partials: { prefix: string; suffix: string; node: Node<T> }[];
  param?: Node<T>;
  methods: Map<string, Leaf<T>>;
}

const newNode = <T>(): Node<T> => ({ literals: new Map(), partials: [], methods: new Map() });
const segmentsOf = (path: string) => path.split('/').filter((segment, i, all) => segment !== '' || (i > 0 && i < all.length - 1));

/**
 * Matches requests to operations through a trie of path segments: one walk per request whatever
 * the number of paths, where a regular expression per path would try each in turn. A literal
 * segment wins over a parameter (`/orders/mine` before `/orders/{id}`), as OpenAPI requires, and
 * a path whose template fits but lacks the method gives way to another that has it. The servers'
 * base paths (`servers[].url`, Swagger's `basePath`) are stripped first, longest first. HEAD
 * falls back to GET, which is how HTTP servers answer it.
 */
export function createOperationMatcher<T>({ operations, basePaths = [] }: { operations: { method: string; path: string; operation: T }[]; basePaths?: string[] }): OperationMatcher<T> {
  const root = newNode<T>();
  for (const { method, path, operation } of operations) {
    let node = root;
    const names: string[] = [];
    for (const segment of segmentsOf(path)) {
      const open = segment.indexOf('{');
      const close = segment.indexOf('}', open);
      if (open === 0 && close === segment.length - 1) {
        names.push(segment.slice(1, -1));
        node = node.param ??= newNode();
      } else if (open >= 0 && close > open) {
        names.push(segment.slice(open + 1, close));
        const prefix = segment.slice(0, open);
        const suffix = segment.slice(close + 1);
        let partial = node.partials.find((p) => p.prefix === prefix && p.suffix === suffix);
        if (!partial) node.partials.push((partial = { prefix, suffix, node: newNode() }));
        node = partial.node;
      } else {
        let next = node.literals.get(segment);
        if (!next) node.literals.set(segment, (next = newNode()));
        node = next;
      }
    }
    node.methods.set(method.toUpperCase(), { operation, names });
  }
  const bases = [...new Set(basePaths.map((b) => b.replace(/\/+$/, '')).filter((b) => b !== ''))].sort((a, b) => b.length - a.length);

  const walk = (node: Node<T>, segments: string[], i: number, values: string[], method: string): Leaf<T> | undefined => {
    if (i === segments.length) return node.methods.get(method) ?? (method === 'HEAD' ? node.methods.get('GET') : undefined);
    const segment = segments[i]!;
    const literal = node.literals.get(segment);
    if (literal) {
      const found = walk(literal, segments, i + 1, values, method);
      if (found) return found;
    }
    for (const { prefix, suffix, node: next } of node.partials) {
      if (segment.length > prefix.length + suffix.length && segment.startsWith(prefix) && segment.endsWith(suffix)) {
        values.push(segment.slice(prefix.length, segment.length - suffix.length));
        const found = walk(next, segments, i + 1, values, method);
        if (found) return found;
        values.pop();
      }
    }
    if (node.param && segment !== '') {
      values.push(segment);
      const found = walk(node.param, segments, i + 1, values, method);
      if (found) return found;
      values.pop();
    }
    return undefined;
  };

  const matchPath = (method: string, path: string): MatchedOperation<T> | undefined => {
    const values: string[] = [];
    const leaf = walk(root, segmentsOf(path), 0, values, method);
    if (!leaf) return undefined;
    const params: Record<string, string> = {};
    leaf.names.forEach((name, i) => (params[name] = decode(values[i]!)));
    return { operation: leaf.operation, params };
  };

  return {
    match(rawMethod, path) {
      const method = rawMethod.toUpperCase();
      for (const base of bases) {
        if (path === base || path.startsWith(`${base}/`)) {
          const found = matchPath(method, path.slice(base.length) || '/');
          if (found) return found;
        }
      }
      return matchPath(method, path);
    },
  };
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The path part of each server URL of an OpenAPI 3 document (variables at their defaults), or Swagger's basePath. */
export function basePathsOf(document: Record<string, unknown>): string[] {
  if (typeof document.basePath === 'string') return [document.basePath];
  const servers = Array.isArray(document.servers) ? (document.servers as { url?: unknown; variables?: Record<string, { default?: unknown }> }[]) : [];
  const paths: string[] = [];
  for (const server of servers) {
    if (typeof server?.url !== 'string') continue;
    const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => String(server.variables?.[name]?.default ?? ''));
    try {
      paths.push(new URL(url, 'http://base.invalid').pathname);
    } catch {
      // A server URL that does not parse names no base path.
    }
  }
  return paths;
}
