export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows a local `$ref` (`#/components/schemas/Order`) inside the document; other references stay as they are. */
export function resolveRef(document: JsonObject, value: Json | undefined, seen: ReadonlySet<string> = new Set()): { value: Json | undefined; ref?: string; cycle?: boolean } {
  if (!isObject(value) || typeof value.$ref !== 'string') return { value };
  const ref = value.$ref;
  if (!ref.startsWith('#/')) return { value, ref };
  if (seen.has(ref)) return { value: undefined, ref, cycle: true };
  let target: Json | undefined = document;
  for (const part of ref.slice(2).split('/').map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'))) {
    target = isObject(target) && Object.hasOwn(target, part) ? target[part] : undefined;
  }
  if (target === undefined) return { value, ref };
  return { ...resolveRef(document, target, new Set([...seen, ref])), ref };
}
