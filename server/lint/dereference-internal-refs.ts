/** What resolving a document's internal references gives Spectral, in the shape its own resolver returns. */
export interface DereferencedDocument {
  /** The document with every resolvable `#/…` reference replaced by its target (shared, not copied). */
  result: unknown;
  /** Where each replaced reference sat → where its target is, both as URI-fragment JSON pointers. */
  refMap: Record<string, string>;
  /** Every reference target as written (`#/components/schemas/Order`), in the order first met. */
  targets: string[];
  errors: MissingTarget[];
}

export interface MissingTarget {
  code: 'POINTER_MISSING';
  message: string;
  path: string[];
  uriStack: string[];
  pointerStack: string[];
}

interface RefSite {
  /** The pointer of the object holding `$ref`, escaped but not URI-encoded, as Spectral's resolver spells it. */
  location: string;
  path: string[];
  target: string;
  targetPath: string[];
}

type Container = Record<string, unknown> | unknown[];

// A reference this function resolves exactly as Spectral's resolver would: inside the document, and
// without percent-encoding, which that resolver decodes in some places and not in others.
const PLAIN_INTERNAL_REF = /^#\/[^%\s]*$/;
// Keys lodash's `set` refuses to write through, so Spectral's resolver leaves such a reference as it is.
const GUARDED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Resolves the references inside a document the way Spectral's resolver (@stoplight/json-ref-resolver)
 * does, so rules see the same resolved document and findings keep their pointers, but in time
 * linear in the document instead of quadratic in its references: a 9 MB contract with ~100,000
 * references took that resolver ~9 s. Its rules are kept, quirks included: a reference into its own
 * ancestor is left alone; a reference is left alone when the target reaches, through references
 * inside it, a place that contains the reference (its "stems"); targets are resolved in the
 * dependency order of its graph. The input is not changed: objects on the way to a reference are
 * copied, everything else is shared.
 *
 * Returns `undefined` for a document this does not cover (a reference that leaves the document,
 * a percent-encoded one, a reference at the root, a `%` in a key on the way to a reference): the
 * caller then runs Spectral's own resolver, whose answers for those are the reference.
 */
export function dereferenceInternalRefs(data: unknown): DereferencedDocument | undefined {
  const sites: RefSite[] = [];
  if (isContainer(data) && typeof (data as Record<string, unknown>).$ref === 'string') return undefined;
  const copied = isContainer(data) ? copySpine(data, [], sites) : data;
  if (copied === UNSUPPORTED) return undefined;
  const result = copied === NO_REFS ? data : copied;
  if (sites.length === 0) return { result: deepFreeze(result), refMap: {}, targets: [], errors: [] };

  // The pointer graph: each reference site depends on its target; a target may itself be a site.
  const nodes = new Map<string, { out: string[]; in: string[] }>();
  const node = (pointer: string) => {
    let found = nodes.get(pointer);
    if (!found) nodes.set(pointer, (found = { out: [], in: [] }));
    return found;
  };
  const targets: string[] = [];
  const targetSet = new Set<string>();
  for (const site of sites) {
    if (!targetSet.has(site.target)) {
      targetSet.add(site.target);
      targets.push(site.target);
    }
    const from = node(site.location);
    const to = node(site.target);
    if (!from.out.includes(site.target)) {
      from.out.push(site.target);
      to.in.push(site.location);
    }
  }

  const stems = stemsOf(sites, targetSet);
  const refMap: Record<string, string> = {};
  const errors: MissingTarget[] = [];
  const pathOf = new Map(sites.map((site) => [site.location, site.path]));
  for (const pointer of overallOrder(nodes)) {
    const dependants = reachable(pointer, (p) => nodes.get(p)!.in);
    if (dependants.length === 0) continue;
    const pointerPath = pathOf.get(pointer) ?? decodePointerPath(pointer);
    const value = valueAt(result, pointerPath);
    const circularPrefixes = stems(pointer);
    for (const dependant of dependants) {
      const dependantPath = pathOf.get(dependant) ?? decodePointerPath(dependant);
      if (startsWithAny(dependantPath, circularPrefixes)) continue;
      refMap[encodePointer(dependantPath)] = encodePointer(pointerPath);
      if (value === undefined) errors.push({ code: 'POINTER_MISSING', message: `'${pointer}' does not exist`, path: dependantPath, uriStack: [], pointerStack: [] });
      else setAt(result as Container, dependantPath, value);
    }
  }
  return { result: deepFreeze(result), refMap, targets, errors };
}

/**
 * Spectral's resolver hands rules a deeply frozen document (immer freezes what it produces), and
 * some of Spectral's functions write into the values they are given: on a frozen document those
 * writes fail silently and later rules see the document as written, so it is frozen here too.
 */
function deepFreeze<T>(root: T): T {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object' || Object.isFrozen(value)) continue;
    Object.freeze(value);
    for (const key of Object.keys(value)) stack.push((value as Record<string, unknown>)[key]);
  }
  return root;
}

const NO_REFS = Symbol('no references below');
const UNSUPPORTED = Symbol('needs the general resolver');

/**
 * Walks the document as Spectral's resolver crawls it (own keys in order, not into an object that
 * holds a `$ref`), records every reference site, and returns a copy of each container that has a
 * reference somewhere below it, so setting the references later changes nothing the caller holds.
 */
function copySpine(container: Container, path: string[], sites: RefSite[]): Container | typeof NO_REFS | typeof UNSUPPORTED {
  let copy: Container | undefined;
  const array = Array.isArray(container);
  const keys = array ? undefined : Object.keys(container);
  const length = array ? container.length : keys!.length;
  for (let i = 0; i < length; i++) {
    const key = array ? String(i) : keys![i]!;
    const value = (container as Record<string, unknown>)[key];
    if (value === null || typeof value !== 'object') continue;
    path.push(key);
    const ref = (value as Record<string, unknown>).$ref;
    if (typeof ref === 'string' && !Array.isArray(value)) {
      const location = toLocation(path);
      if (!PLAIN_INTERNAL_REF.test(ref) || location.includes('%')) return UNSUPPORTED;
      const targetPath = decodePointerPath(ref);
      // A reference into its own ancestor (or itself) is never resolved, nor recorded.
      if (!(targetPath.length > 0 && targetPath.every((segment, j) => path[j] === segment))) {
        sites.push({ location, path: [...path], target: ref, targetPath });
        copy ??= shallowCopy(container);
      }
    } else {
      const below = copySpine(value as Container, path, sites);
      if (below === UNSUPPORTED) return UNSUPPORTED;
      if (below !== NO_REFS) {
        copy ??= shallowCopy(container);
        (copy as Record<string, unknown>)[key] = below;
      }
    }
    path.pop();
  }
  return copy ?? NO_REFS;
}

const toLocation = (path: readonly string[]) => `#/${path.map((key) => key.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;

const shallowCopy = (container: Container): Container => (Array.isArray(container) ? container.slice() : { ...container });

/**
 * For each target, the places its references reach (through the targets of references inside
 * it, transitively, itself excluded): a site inside one of those would make a cycle. The resolver
 * spells these places by joining raw keys (no escaping), and only places that are also targets
 * lead anywhere, so only those are kept. Targets in one strongly connected component reach the
 * same places, so each component's set is computed once, from its successors'.
 */
function stemsOf(sites: readonly RefSite[], targets: ReadonlySet<string>): (target: string) => Stems {
  const out = new Map<string, Set<string>>();
  for (const { path, target, targetPath, location } of sites) {
    let stem = '#';
    let tail = '';
    for (let i = 0; i < path.length; i++) {
      const part = path[i]!;
      if (part === targetPath[i]) {
        stem += `/${part}`;
        continue;
      }
      tail += `/${part}`;
      const dep = stem + tail;
      if (dep === location || dep === target || !targets.has(dep)) continue;
      let edges = out.get(dep);
      if (!edges) out.set(dep, (edges = new Set()));
      edges.add(target);
    }
  }
  const keyOf = new Map<string, string>();
  const pointerKey = (pointer: string) => {
    let key = keyOf.get(pointer);
    if (key === undefined) keyOf.set(pointer, (key = pathKey(decodePointerPath(pointer))));
    return key;
  };
  const component = stronglyConnectedComponents([...targets], (pointer) => out.get(pointer) ?? []);
  const reach = new Map<number, Map<string, number>>();
  // Components come successors first, so each one's successors are done when it is reached.
  for (const [index, members] of component.members.entries()) {
    const counts = new Map<string, number>();
    const add = (key: string, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);
    const successors = new Set<number>();
    for (const member of members) {
      add(pointerKey(member), 1);
      for (const next of out.get(member) ?? []) {
        const other = component.of.get(next)!;
        if (other !== index) successors.add(other);
      }
    }
    // A pointer reached along two successors still counts once: merge by pointer, not by key.
    const pointers = new Set(members);
    for (const other of successors) for (const pointer of component.reachable.get(other)!) pointers.add(pointer);
    component.reachable.set(index, pointers);
    const own = new Set(members);
    for (const pointer of pointers) if (!own.has(pointer)) add(pointerKey(pointer), 1);
    reach.set(index, counts);
  }
  return (target) => ({ counts: reach.get(component.of.get(target)!)!, ownKey: pointerKey(target) });
}

interface Stems {
  /** Path keys of the places reached, with how many reached pointers have each (the target itself included). */
  counts: ReadonlyMap<string, number>;
  ownKey: string;
}

/** Tarjan's algorithm without recursion; components are listed successors first. */
function stronglyConnectedComponents(nodes: readonly string[], edgesOf: (node: string) => Iterable<string>) {
  const of = new Map<string, number>();
  const members: string[][] = [];
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; edges: Iterator<string> }[] = [];
    const open = (node: string) => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, edges: edgesOf(node)[Symbol.iterator]() });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const step = frame.edges.next();
      if (!step.done) {
        const next = step.value;
        if (!index.has(next)) open(next);
        else if (onStack.has(next)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          of.set(member, members.length);
          component.push(member);
        } while (member !== frame.node);
        members.push(component);
      }
    }
  }
  return { of, members, reachable: new Map<number, Set<string>>() };
}

// The resolver compares path segments as integers when both read as one (parseInt: "2XX" is 2),
// else as text; a segment's key says which, so a prefix test is a set lookup per segment.
function segmentKey(segment: string): string {
  const number = Number.parseInt(segment, 10);
  return Number.isNaN(number) ? `s${segment}` : `n${number}`;
}

const pathKey = (path: readonly string[]) => path.map(segmentKey).join('\0');

function startsWithAny(path: readonly string[], { counts, ownKey }: Stems): boolean {
  const reached = (key: string) => (counts.get(key) ?? 0) > (key === ownKey ? 1 : 0);
  if (reached('')) return true;
  let key = '';
  for (let i = 0; i < path.length; i++) {
    key += (i === 0 ? '' : '\0') + segmentKey(path[i]!);
    if (reached(key)) return true;
  }
  return false;
}

/** Depth-first post-order over the graph, from the nodes nothing depends on, then from the rest. */
function overallOrder(nodes: ReadonlyMap<string, { out: string[]; in: string[] }>): string[] {
  const order: string[] = [];
  const visited = new Set<string>();
  const visit = (start: string) => {
    if (visited.has(start)) return;
    const onPath = new Set<string>();
    const stack: { pointer: string; expanded: boolean }[] = [{ pointer: start, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.expanded) {
        stack.pop();
        onPath.delete(top.pointer);
        visited.add(top.pointer);
        order.push(top.pointer);
        continue;
      }
      if (visited.has(top.pointer) || onPath.has(top.pointer)) {
        stack.pop();
        continue;
      }
      onPath.add(top.pointer);
      top.expanded = true;
      const edges = nodes.get(top.pointer)!.out;
      for (let i = edges.length - 1; i >= 0; i--) stack.push({ pointer: edges[i]!, expanded: false });
    }
  };
  for (const [pointer, { in: incoming }] of nodes) if (incoming.length === 0) visit(pointer);
  for (const pointer of nodes.keys()) visit(pointer);
  return order;
}

/** Every node reachable from `start` (not itself), deepest first, in the resolver's order. */
function reachable(start: string, edgesOf: (pointer: string) => readonly string[]): string[] {
  if (edgesOf(start).length === 0) return [];
  const found: string[] = [];
  const visited = new Set<string>();
  const onPath = new Set<string>();
  const walk = (pointer: string) => {
    if (visited.has(pointer) || onPath.has(pointer)) return;
    onPath.add(pointer);
    for (const next of edgesOf(pointer)) walk(next);
    onPath.delete(pointer);
    visited.add(pointer);
    found.push(pointer);
  };
  walk(start);
  return found.filter((pointer) => pointer !== start);
}

// lodash's `get`: steps through whatever is there, a string's length included.
function valueAt(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || value === undefined) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

// lodash's `set` on a path whose containers exist: it refuses to write through a guarded key.
function setAt(root: Container, path: readonly string[], value: unknown): void {
  if (path.some((key) => GUARDED_KEYS.has(key))) return;
  let container = root as Record<string, unknown>;
  for (const key of path.slice(0, -1)) container = container[key] as Record<string, unknown>;
  container[path[path.length - 1]!] = value;
}

function decodePointerPath(pointer: string): string[] {
  return pointer === '#' ? [] : pointer.slice(2).split('/').map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

// Spectral's encoding of a path as a URI fragment (`#/paths/~1orders~1%7Bid%7D`), which its
// findings lookup builds the same way; U+2013 and lone surrogates pass unencoded there too.
const URI_ENCODED = /[^a-zA-Z0-9_.!~*'()/\-\u2013\u{D800}-\u{DFFF}]/gu;

function encodePointer(path: readonly string[]): string {
  if (path.length === 0) return '#';
  return `#/${path.map((segment) => segment.replaceAll('~', '~0').replaceAll('/', '~1').replace(URI_ENCODED, encodeURIComponent)).join('/')}`;
}

function isContainer(value: unknown): value is Container {
  return value !== null && typeof value === 'object';
}
