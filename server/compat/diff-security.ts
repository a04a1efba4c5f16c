import type { DiffContext, OperationPair } from './diff-context.js';
import { isJsonObject, type JsonObject } from './json-object.js';

/** One way to satisfy an operation's security: scheme name → the scopes it must carry. */
type Alternative = Map<string, Set<string>>;

/** Alternatives of the operation's effective `security` appearing or disappearing. */
export function diffSecurity(context: DiffContext, { key, base, head }: OperationPair): void {
  const from = alternatives(base.operation.security ?? context.base.security);
  const to = alternatives(head.operation.security ?? context.head.security);
  for (const [id, alternative] of from) {
    if (to.has(id)) continue;
    const stillSatisfied = [...to.values()].some((other) => asksNoMore(other, alternative));
    context.changes.push({ kind: 'security-requirement.removed', operation: key, schemes: [...alternative.keys()], stillSatisfied });
  }
  const existingCallersSatisfied = [...from.values()].every((old) => [...to.values()].some((other) => asksNoMore(other, old)));
  for (const [id, alternative] of to) {
    if (!from.has(id)) context.changes.push({ kind: 'security-requirement.added', operation: key, schemes: [...alternative.keys()], existingCallersSatisfied });
  }
}

// No `security` at all, `[]`, or a `{}` entry all mean a caller may come without credentials.
function alternatives(security: unknown): Map<string, Alternative> {
  const list = Array.isArray(security) && security.length > 0 ? security : [{}];
  const found = new Map<string, Alternative>();
  for (const requirement of list) {
    if (!isJsonObject(requirement)) continue;
    const alternative: Alternative = new Map(
      Object.keys(requirement)
        .sort()
        .map((scheme) => [scheme, new Set(scopes((requirement as JsonObject)[scheme]))]),
    );
    found.set(JSON.stringify([...alternative].map(([scheme, s]) => [scheme, [...s].sort()])), alternative);
  }
  return found;
}

function scopes(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
}

/** Whoever satisfies `old` also satisfies `candidate`: it asks for no scheme or scope beyond `old`'s. */
function asksNoMore(candidate: Alternative, old: Alternative): boolean {
  return [...candidate].every(([scheme, needed]) => {
    const had = old.get(scheme);
    return had !== undefined && [...needed].every((scope) => had.has(scope));
  });
}
