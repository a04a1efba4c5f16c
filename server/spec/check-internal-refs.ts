import { resolveJsonPointer, type Issue } from '../shared/index.js';
import { SpecRejection } from './spec-document.js';

/**
 * Every `#/…` reference must point at something in the document. (Plain-name fragments such as
 * `#node`, JSON Schema anchors, are left to the validators.) This is the one thing a full
 * dereference would prove, at a fraction of its cost: each distinct reference is resolved once.
 */
export function checkInternalRefs(document: unknown, refs: Map<string, () => string>): void {
  const dangling: Issue[] = [];
  for (const [ref, where] of refs) {
    if (ref !== '#' && !ref.startsWith('#/')) continue;
    let target: unknown;
    try {
      target = resolveJsonPointer(document, ref);
    } catch {
      target = undefined; // a malformed percent-escape names nothing
    }
    if (target === undefined) dangling.push({ pointer: where(), code: 'spec-invalid', message: `the reference "${ref}" points at nothing in the document` });
    if (dangling.length >= 50) break;
  }
  if (dangling.length > 0) throw new SpecRejection('spec-invalid', `${dangling[0]!.message} (at ${dangling[0]!.pointer})`, dangling);
}
