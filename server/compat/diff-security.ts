import type { DiffContext, OperationPair } from './diff-context.js';
import { isJsonObject, type JsonObject } from './json-object.js';

/** One way to satisfy an operation's security: scheme name → the scopes it must carry. */
type Alternative = Map<string, Set<string>>;

/**
 * Alternatives of the operation's effective `security` (its own, else the document's) appearing or
 * disappearing. An alternative naming the same schemes on both sides with other scopes is the same
 * alternative with its scopes changed.
 */
export function diffSecurity(context: DiffContext, { key, base, head }: OperationPair): void {
  const from = alternatives(base.operation.security ?? context.base.security);
  const to = alternatives(head.operation.security ?? context.head.security);
  const rescoped = new Set<string>();
  for (const [id, alternative] of from) {
    if (to.has(id)) continue;
    const partner = [...to].find(([otherId, other]) => !from.has(otherId) && !rescoped.has(otherId) && sameSchemes(alternative, other));
    if (!partner) continue;
    rescoped.add(id).add(partner[0]);
    diffScopes(context, key, alternative, partner[1]);
  }
  for (const [id, alternative] of from) {
    if (to.has(id) || rescoped.has(id)) continue;
    const stillSatisfied = [...to.values()].some((other) => asksNoMore(other, alternative));
    context.changes.push({ kind: 'security-requirement.removed', operation: key, schemes: [...alternative.keys()], stillSatisfied });
  }
  const existingCallersSatisfied = [...from].every(([id, old]) => rescoped.has(id) || [...to.values()].some((other) => asksNoMore(other, old)));
  for (const [id, alternative] of to) {
    if (!from.has(id) && !rescoped.has(id)) context.changes.push({ kind: 'security-requirement.added', operation: key, schemes: [...alternative.keys()], existingCallersSatisfied });
  }
}

function diffScopes(context: DiffContext, operation: string, from: Alternative, to: Alternative): void {
  for (const [scheme, had] of from) {
    const has = to.get(scheme) ?? new Set<string>();
    const added = [...has].filter((scope) => !had.has(scope)).sort();
    const removed = [...had].filter((scope) => !has.has(scope)).sort();
    if (added.length > 0) context.changes.push({ kind: 'security-scope.added', operation, scheme, scopes: added });
    if (removed.length > 0) context.changes.push({ kind: 'security-scope.removed', operation, scheme, scopes: removed });
  }
}

function sameSchemes(a: Alternative, b: Alternative): boolean {
  return a.size === b.size && [...a.keys()].every((scheme) => b.has(scheme));
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
