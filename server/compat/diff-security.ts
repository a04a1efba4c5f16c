import type { DiffContext, OperationPair } from './diff-context.js';
import { isJsonObject, type JsonObject } from './json-object.js';

/** One way to satisfy an operation's security: scheme name → the scopes it must carry. */
type Alternative = Map<string, Set<string>>;

/**
 * How the operation's effective `security` (its own, else the document's) changed for its callers.
 * Each base alternative that is gone is paired with what its callers now meet: a new alternative
 * naming the same schemes (its scopes changed), any alternative asking for less (a requirement
 * dropped), a new one asking for more (a requirement added), or nothing (the alternative removed).
 * New alternatives no base one became are new ways to call. So `{A}` → `{A, B}` is one fact.
 */
export function diffSecurity(context: DiffContext, { key: operation, base, head }: OperationPair): void {
  const from = alternatives(base.operation.security ?? context.base.security);
  const to = alternatives(head.operation.security ?? context.head.security);
  const fresh = [...to].filter(([id]) => !from.has(id)).map(([, alternative]) => alternative);
  // A new alternative that a base one became is used up, so it is not also reported as new.
  const claim = (found: Alternative | undefined) => {
    if (found && fresh.includes(found)) fresh.splice(fresh.indexOf(found), 1);
    return found;
  };
  for (const [id, old] of from) {
    if (to.has(id)) continue;
    const schemes = [...old.keys()];
    const rescoped = claim(fresh.find((other) => other.size === old.size && schemesWithin(other, old)));
    if (rescoped) {
      diffScopes(context, operation, old, rescoped);
      continue;
    }
    const lighter = claim(fresh.find((other) => asksNoMore(other, old)) ?? [...to.values()].find((other) => asksNoMore(other, old)));
    if (lighter) {
      const removed = schemes.filter((scheme) => !lighter.has(scheme));
      if (removed.length > 0) context.changes.push({ kind: 'security-requirement.removed', operation, schemes, removed });
      else diffScopes(context, operation, old, lighter);
      continue;
    }
    const heavier = claim(fresh.find((other) => schemesWithin(old, other)));
    if (heavier) {
      context.changes.push({ kind: 'security-requirement.added', operation, schemes, added: [...heavier.keys()].filter((scheme) => !old.has(scheme)) });
      diffScopes(context, operation, old, heavier);
      continue;
    }
    context.changes.push({ kind: 'security-alternative.removed', operation, schemes });
  }
  for (const alternative of fresh) context.changes.push({ kind: 'security-alternative.added', operation, schemes: [...alternative.keys()] });
}

/** Scope changes of the schemes both alternatives name. */
function diffScopes(context: DiffContext, operation: string, from: Alternative, to: Alternative): void {
  for (const [scheme, had] of from) {
    const has = to.get(scheme);
    if (!has) continue;
    const added = [...has].filter((scope) => !had.has(scope)).sort();
    const removed = [...had].filter((scope) => !has.has(scope)).sort();
    if (added.length > 0) context.changes.push({ kind: 'security-scope.added', operation, scheme, scopes: added });
    if (removed.length > 0) context.changes.push({ kind: 'security-scope.removed', operation, scheme, scopes: removed });
  }
}

/** Every scheme `inner` names, `outer` names too. */
function schemesWithin(inner: Alternative, outer: Alternative): boolean {
  return [...inner.keys()].every((scheme) => outer.has(scheme));
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
