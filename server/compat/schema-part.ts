/**
 * One place a schema is written. A property declared in two `allOf` members has two parts, and a
 * 3.1 `$ref` with constraining siblings has its target and its siblings as parts.
 */
export interface SchemaPart {
  doc: unknown;
  node: unknown;
  pointer: string;
  /** Reached through a `$ref`, here or in a member it was merged from: the schema may be shared. */
  viaRef: boolean;
}
