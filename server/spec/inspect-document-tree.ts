import { toJsonPointer, type Issue } from '../shared/index.js';
import { SpecRejection, type SpecLimits } from './spec-document.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const REFERENCE_KEYS = new Set(['$ref', '$dynamicRef', '$recursiveRef']);

type Entry = { value: object; depth: number; parent: Entry | undefined; segment: string | number };

/**
 * One iterative walk over the parsed tree (no recursion, so hostile nesting cannot overflow the
 * stack) enforcing the depth and node limits, refusing prototype-polluting keys and unpaired
 * surrogates, and refusing every reference that does not point inside the document: Accord never
 * fetches a URL or reads a file because a document asked it to.
 */
export function inspectDocumentTree(root: unknown, limits: Pick<SpecLimits, 'maxDepth' | 'maxNodes'>): { internalRefs: Map<string, () => string>; strings: number } {
  const externalRefs: Issue[] = [];
  // Each distinct internal reference, with the first place it is used, for `checkInternalRefs`.
  // That pointer is written only for a reference reported: writing one for each of Stripe's 561
  // distinct references, before V8 has optimized the code that writes it, took half of this walk.
  const internalRefs = new Map<string, () => string>();
  let nodes = 1;
  // Keys and string values, which a JSON document's caller compares with what its text spells.
  let strings = 0;
  if (root === null || typeof root !== 'object') {
    checkString(root, undefined, '');
    return { internalRefs, strings: typeof root === 'string' ? 1 : 0 };
  }
  const stack: Entry[] = [{ value: root, depth: 0, parent: undefined, segment: '' }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (entry.depth >= limits.maxDepth) {
      throw new SpecRejection('document-too-deep', `the document is nested deeper than ${limits.maxDepth} levels`, [
        { pointer: pointerOf(entry), message: 'nesting limit reached here' },
      ]);
    }
    const keys = Array.isArray(entry.value) ? undefined : Object.keys(entry.value);
    const children = Array.isArray(entry.value) ? entry.value.length : keys!.length;
    // Counted before anything is pushed, so a million-key object is refused before it is walked.
    nodes += children;
    if (nodes > limits.maxNodes) throw new SpecRejection('too-many-nodes', `the document holds more than ${limits.maxNodes} values`);
    for (let i = children - 1; i >= 0; i--) {
      const key = keys ? keys[i]! : i;
      const child: unknown = (entry.value as Record<string | number, unknown>)[key];
      if (typeof key === 'string') {
        strings++;
        if (FORBIDDEN_KEYS.has(key)) {
          const pointer = pointerOf(entry, key);
          throw new SpecRejection('forbidden-key', `the key "${key}" is not allowed in a contract document (at ${pointer})`, [
            { pointer, message: `"${key}" could pollute object prototypes` },
          ]);
        }
        checkString(key, entry, key);
        if (REFERENCE_KEYS.has(key) && typeof child === 'string' && child.startsWith('#') && !internalRefs.has(child)) {
          internalRefs.set(child, () => pointerOf(entry, key));
        }
        if (REFERENCE_KEYS.has(key) && typeof child === 'string' && !child.startsWith('#') && externalRefs.length < 50) {
          externalRefs.push({
            pointer: pointerOf(entry, key),
            code: 'external-ref',
            message: `external reference "${truncate(child)}": only references inside the document (starting with "#") are accepted; bundle the document first`,
          });
        }
      }
      if (child !== null && typeof child === 'object') {
        // Only what JSON can express may reach hashing and storage (no Date, Map, binary).
        if (!Array.isArray(child) && Object.getPrototypeOf(child) !== Object.prototype) {
          throw new SpecRejection('document-syntax', `a value is not plain data (at ${pointerOf(entry, key)})`, [{ pointer: pointerOf(entry, key), message: 'not a JSON value' }]);
        }
        stack.push({ value: child, depth: entry.depth + 1, parent: entry, segment: key });
      }
      else if (typeof child === 'string') {
        strings++;
        checkString(child, entry, key);
      }
    }
  }
  if (externalRefs.length > 0) {
    throw new SpecRejection('external-ref', `${externalRefs[0]!.message} (at ${externalRefs[0]!.pointer})`, externalRefs);
  }
  return { internalRefs, strings };
}

function checkString(value: unknown, parent: Entry | undefined, segment: string | number): void {
  if (typeof value === 'string' && !value.isWellFormed()) {
    const pointer = parent ? pointerOf(parent, segment) : '';
    throw new SpecRejection('invalid-encoding', `a string contains an unpaired UTF-16 surrogate, which has no UTF-8 form (at ${pointer || '/'})`, [
      { pointer, message: 'unpaired surrogate' },
    ]);
  }
}

function pointerOf(entry: Entry, last?: string | number): string {
  const segments: (string | number)[] = last === undefined ? [] : [last];
  for (let e: Entry | undefined = entry; e?.parent; e = e.parent) segments.push(e.segment);
  return toJsonPointer(segments.reverse());
}

function truncate(text: string): string {
  return text.length > 120 ? text.slice(0, 117) + '...' : text;
}
