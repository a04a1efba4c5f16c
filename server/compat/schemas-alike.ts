import { resolveJsonPointer } from '../shared/index.js';
import { isJsonObject } from './json-object.js';
import { refSiblingsApply } from './ref-siblings-apply.js';

/** One side of a pair of schemas: the node as written and the document its `$ref`s resolve in. */
export interface WrittenSchema {
  doc: unknown;
  node: unknown;
}

/**
 * Whether two schemas are written alike, and so is every schema they reach through `$ref`s in
 * their documents, however deep and however circular. Such a pair means the same, so comparing it
 * keyword by keyword can only confirm that nothing changed; most of a new version of a large
 * contract is its previous version again, and confirming that was most of a diff's time.
 */
export type SchemasAlike = (base: WrittenSchema, head: WrittenSchema) => boolean;

// Documents built from YAML aliases may nest without end, or repeat a subtree a great many times;
// a pair too deep or too large to confirm is simply compared.
const MAX_DEPTH = 256;
const MAX_VALUES = 1_000_000;

export function createSchemasAlike(): SchemasAlike {
  const byDocuments = new Map<unknown, Map<unknown, (base: unknown, head: unknown) => boolean>>();
  return (base, head) => {
    let byHead = byDocuments.get(base.doc);
    if (!byHead) byDocuments.set(base.doc, (byHead = new Map()));
    let alike = byHead.get(head.doc);
    if (!alike) byHead.set(head.doc, (alike = alikeIn(base.doc, head.doc)));
    return alike(base.node, head.node);
  };
}

function alikeIn(baseDoc: unknown, headDoc: unknown): (base: unknown, head: unknown) => boolean {
  // The same node can mean different things when only one document applies keywords beside a `$ref`.
  if (refSiblingsApply(baseDoc) !== refSiblingsApply(headDoc)) return () => false;
  /** Per `$ref`: whether the schemas there, and all they reach, are written alike in both documents. */
  const unchanged = new Map<string, boolean>();

  const refUnchanged = (start: string): boolean => {
    const known = unchanged.get(start);
    if (known !== undefined) return known;
    // Walk every reference reachable from `start` not settled yet, then settle them together: a
    // reference is changed when its schemas differ or it reaches one that does (cycles included).
    const reaches = new Map<string, string[]>();
    const changed: string[] = [];
    const pending = [start];
    for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
      if (reaches.has(ref)) continue;
      const refs = new Set<string>();
      const [base, head] = [resolveJsonPointer(baseDoc, ref), resolveJsonPointer(headDoc, ref)];
      if (base === undefined || head === undefined || !writtenAlike(base, head, refs)) {
        reaches.set(ref, []);
        changed.push(ref);
        continue;
      }
      const next = [...refs].filter(followed);
      reaches.set(ref, next);
      for (const other of next) {
        const settled = unchanged.get(other);
        if (settled === false) changed.push(ref);
        else if (settled === undefined) pending.push(other);
      }
    }
    const reachedFrom = new Map<string, string[]>();
    for (const [ref, targets] of reaches) for (const target of targets) reachedFrom.set(target, [...(reachedFrom.get(target) ?? []), ref]);
    const bad = new Set(changed);
    for (let ref = changed.pop(); ref !== undefined; ref = changed.pop()) {
      for (const from of reachedFrom.get(ref) ?? []) {
        if (!bad.has(from)) {
          bad.add(from);
          changed.push(from);
        }
      }
    }
    for (const ref of reaches.keys()) unchanged.set(ref, !bad.has(ref));
    return unchanged.get(start)!;
  };

  return (base, head) => {
    const refs = new Set<string>();
    if (!writtenAlike(base, head, refs)) return false;
    for (const ref of refs) if (followed(ref) && !refUnchanged(ref)) return false;
    return true;
  };
}

// Only internal references are followed when schemas are compared; any other is a keyword like the rest.
function followed(ref: string): boolean {
  return ref.startsWith('#');
}

/** JSON equality, keys in the same order, gathering the `$ref`s met on the way. */
function writtenAlike(base: unknown, head: unknown, refs: Set<string>): boolean {
  let values = 0;
  const alike = (a: unknown, b: unknown, depth: number): boolean => {
    if (++values > MAX_VALUES || depth > MAX_DEPTH) return false;
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!alike(a[i], b[i], depth + 1)) return false;
      return true;
    }
    if (Array.isArray(b) || !isJsonObject(a) || !isJsonObject(b)) return false;
    const keys = Object.keys(a);
    const other = Object.keys(b);
    if (keys.length !== other.length) return false;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (key !== other[i] || !alike(a[key], b[key], depth + 1)) return false;
    }
    if (typeof a.$ref === 'string') refs.add(a.$ref);
    return true;
  };
  return alike(base, head, 0);
}
