import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { Unauthenticated, type Actor, type Scope, type Clock } from '../shared/index.js';
import { hashApiKey } from './api-key-secret.js';
import { apiKeys } from './auth.tables.js';
import type { Auth } from './create-auth.js';
import { keySuspendedError, selectApiKeys } from './select-api-keys.js';

export interface Authenticated {
  actor: Actor;
  /** The credential came in a cookie, so a cross-site page could have made the browser send it. */
  viaCookie: boolean;
}

// Recording every use would write on every CI request; a minute's resolution is enough to spot dead keys.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Who is calling: an API key in `Authorization: Bearer`, else a better-auth session cookie, else
 * nobody. A bearer token that is not a live key is an error rather than anonymity, so a revoked
 * or mistyped key in CI fails loudly instead of silently reading as anonymous.
 */
export function createAuthenticator({ db, auth, clock }: { db: Db; auth: Auth; clock: Clock }) {
  /** `headers` as the request carried them (web `Headers`), `ip` the caller's address as the edge sees it. */
  return async function authenticate({ headers, ip }: { headers: Headers; ip: string | undefined }, requestId: string): Promise<Authenticated> {
    const header = headers.get('authorization') ?? undefined;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match) throw new Unauthenticated('the Authorization header must be "Bearer <API key>"');
      const [key] = await selectApiKeys(db).where(eq(apiKeys.hash, hashApiKey(match[1]!))).limit(1);
      const now = clock.now();
      if (!key || key.revokedAt !== null) throw new Unauthenticated('this API key is not valid (unknown or revoked); a team maintainer creates a new one with accord key create');
      if (key.expiresAt !== null && key.expiresAt <= now) throw new Unauthenticated(`this API key expired on ${key.expiresAt.toISOString()}; a team maintainer creates a new one with accord key create`);
      if (key.suspension !== null) throw keySuspendedError(key);
      const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
      if (key.lastUsedAt === null || key.lastUsedAt < stale) {
        // Conditional again in SQL: of concurrent requests with one key, one writes.
        await db.update(apiKeys).set({ lastUsedAt: now }).where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))));
      }
      return { actor: { kind: 'api-key', keyId: key.id, name: key.name, teamId: key.teamId, scopes: key.scopes as Scope[], requestId, ...(ip && { ip }) }, viaCookie: false };
    }
    if (headers.get('cookie')?.includes('accord.session_token')) {
      const session = await auth.api.getSession({ headers });
      if (session) return { actor: { kind: 'user', userId: session.user.id, name: session.user.name, requestId, ...(ip && { ip }) }, viaCookie: true };
    }
    return { actor: { kind: 'anonymous', requestId, ...(ip && { ip }) }, viaCookie: false };
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
