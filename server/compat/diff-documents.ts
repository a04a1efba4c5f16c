import { InvalidInput } from '../shared/index.js';
import type { Change } from './change.js';
import { diffAsyncApi } from './diff-asyncapi.js';
import { diffOpenApi } from './diff-openapi.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { normalizeSwagger2 } from './normalize-swagger2.js';

export interface DiffOptions {
  /**
   * The moment sunsets are judged against. The core reads no clock, so callers pass theirs;
   * without it no sunset counts as passed, the cautious reading.
   */
  now?: Date;
  /** The shortest notice, in days from `now`, a newly deprecated operation's sunset may give. */
  minDeprecationDays?: number;
}

type Family = 'openapi3' | 'swagger2' | 'asyncapi';

/**
 * The facts that tell two contract documents apart, whatever their format: OpenAPI 3.x, Swagger 2.0
 * (normalised to the 3.x model first, so a 2.0 → 3.x migration diffs too) or AsyncAPI 2.x/3.0.
 */
export function diffDocuments(base: object, head: object, options: DiffOptions = {}): Change[] {
  const from = familyOf(base);
  const to = familyOf(head);
  if ((from === 'asyncapi') !== (to === 'asyncapi')) {
    throw new InvalidInput(`cannot compare an ${describe(from)} document with an ${describe(to)} document`, [], 'document-kind-mismatch');
  }
  if (from === 'asyncapi') return diffAsyncApi(base, head, options);
  return diffOpenApi(from === 'swagger2' ? normalizeSwagger2(base as JsonObject) : base, to === 'swagger2' ? normalizeSwagger2(head as JsonObject) : head, options);
}

function familyOf(doc: object): Family {
  const root = isJsonObject(doc) ? doc : {};
  if (typeof root.asyncapi === 'string') return 'asyncapi';
  if (root.swagger === '2.0') return 'swagger2';
  if (typeof root.openapi === 'string') return 'openapi3';
  throw new InvalidInput('the document is neither OpenAPI nor AsyncAPI: it has no "openapi", "swagger" or "asyncapi" field', [{ pointer: '', message: 'missing format field' }], 'unknown-document');
}

function describe(family: Family): string {
  return { openapi3: 'OpenAPI 3.x', swagger2: 'OpenAPI 2.0 (Swagger)', asyncapi: 'AsyncAPI' }[family];
}
