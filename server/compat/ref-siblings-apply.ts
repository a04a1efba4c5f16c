import { isJsonObject } from './json-object.js';

/**
 * Whether keywords written beside a `$ref` constrain too: OpenAPI 3.1 and 3.2 (JSON Schema 2020-12)
 * apply them, 3.0 and draft-07 ignore them.
 */
export function refSiblingsApply(doc: unknown): boolean {
  return isJsonObject(doc) && typeof doc.openapi === 'string' && /^3\.[12]\./.test(doc.openapi);
}
