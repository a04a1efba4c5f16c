/**
 * A value PostgreSQL's jsonb (and PGlite's) can hold: it refuses U+0000 in any string, which JSON
 * itself allows. Findings quote document text, such as a path key with an escaped NUL, so such
 * characters become U+FFFD before storage rather than failing the write.
 */
export function storableJson<T>(value: T): T {
  const text = JSON.stringify(value);
  return text.includes('\\u0000') ? (JSON.parse(text.replaceAll('\\u0000', '\\ufffd')) as T) : value;
}
