import { Forbidden, Unauthenticated, type Action, type Actor } from '../shared/index.js';
import { keyMay, SCOPE_FOR } from './access-policy.js';

/** What a route demands of its caller before any team is looked at; see `RouteAccess` in http. */
export type Gate = 'public' | 'read' | 'signed-in' | Action;

/**
 * The coarse, per-route half of authorisation: anonymous callers are turned away from anything
 * but reading (and from reading too when the installation closes it), and keys from actions their
 * scopes do not cover. Whether a person may act on a given team's contract is decided by the
 * access policy inside the registry's transaction; this only refuses early what can never pass.
 */
export function gateRoute(gate: Gate, actor: Actor, { anonymousRead }: { anonymousRead: boolean }): void {
  if (gate === 'public' || actor.kind === 'system') return;
  if (gate === 'read') {
    if (anonymousRead) return;
    if (actor.kind === 'anonymous') throw new Unauthenticated('this installation does not allow anonymous reading; sign in or send an API key');
    if (actor.kind === 'api-key' && !actor.scopes.includes('contracts:read') && !actor.scopes.includes('admin')) throw new Forbidden('this API key lacks the scope contracts:read; use a key that has it (accord key create --scope contracts:read)');
    return;
  }
  if (actor.kind === 'anonymous') throw new Unauthenticated();
  if (gate === 'signed-in' || actor.kind !== 'api-key') return;
  if (!keyMay(actor.scopes, gate)) throw new Forbidden(`this API key lacks the scope ${SCOPE_FOR[gate]}; use a key that has it (accord key create --scope ${SCOPE_FOR[gate]})`);
}
