import { DocumentRejected } from '../shared/index.js';
import type { SpecInvalid } from '../spec/index.js';

/** Safe ingest's refusal as a domain error, with pointers into the request's `document` field. */
export function documentRejected(spec: SpecInvalid): DocumentRejected {
  return new DocumentRejected(spec.code, spec.message, spec.issues.map((i) => ({ ...i, pointer: i.pointer === undefined ? undefined : `/document${i.pointer}` })));
}
