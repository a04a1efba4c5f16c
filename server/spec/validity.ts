/**
 * How strictly a document must follow its specification's schema to be accepted, as schema
 * registries offer it: `full` refuses any schema error; `syntax` accepts a document that parses,
 * names a supported specification version and can be walked, and reports its schema errors as
 * findings instead; `none` does not validate against the schema at all.
 */
export const VALIDITY_LEVELS = ['full', 'syntax', 'none'] as const;

export type Validity = (typeof VALIDITY_LEVELS)[number];

export const DEFAULT_VALIDITY: Validity = 'full';

export function isValidity(value: unknown): value is Validity {
  return typeof value === 'string' && (VALIDITY_LEVELS as readonly string[]).includes(value);
}
