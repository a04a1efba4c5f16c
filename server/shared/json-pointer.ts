/** Builds an RFC 6901 JSON pointer from path segments. */
export function toJsonPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/** Resolves an RFC 6901 pointer (`#/a/b` or `/a/b`) inside a value, or returns undefined. */
export function resolveJsonPointer(root: unknown, pointer: string): unknown {
  const path = parseJsonPointer(pointer);
  if (path === undefined) return undefined;
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The unescaped segments of an RFC 6901 pointer (`#/a/b` or `/a/b`); undefined when it is not one. */
export function parseJsonPointer(pointer: string): string[] | undefined {
  // Only the URI-fragment form is percent-encoded; a plain pointer may hold a literal `%`.
  const fragment = pointer.startsWith('#');
  const path = fragment ? pointer.slice(1) : pointer;
  if (path === '') return [];
  if (!path.startsWith('/')) return undefined;
  return path
    .split('/')
    .slice(1)
    .map((raw) => {
      const decoded = fragment ? decodeFragment(raw) : raw;
      return decoded.includes('~') ? decoded.replaceAll('~1', '/').replaceAll('~0', '~') : decoded;
    });
}

// Most segments hold no escape at all; a diff resolves references tens of thousands of times.
function decodeFragment(raw: string): string {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
