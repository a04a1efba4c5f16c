export interface PathMatch {
  matched: [base: string, head: string][];
  removed: string[];
  added: string[];
}

/** Pairs path templates ignoring parameter names: `/orders/{id}` is `/orders/{orderId}`. */
export function matchPaths(base: readonly string[], head: readonly string[]): PathMatch {
  const byShape = new Map<string, string>();
  for (const path of head) if (!byShape.has(shape(path))) byShape.set(shape(path), path);
  const matched: [string, string][] = [];
  const removed: string[] = [];
  for (const path of base) {
    const partner = byShape.get(shape(path));
    if (partner === undefined) removed.push(path);
    else {
      matched.push([path, partner]);
      byShape.delete(shape(path));
    }
  }
  const taken = new Set(matched.map(([, h]) => h));
  return { matched, removed, added: head.filter((path) => !taken.has(path)) };
}

function shape(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}
