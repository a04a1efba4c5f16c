import { gateRoute, type Gate } from '../auth/index.js';
import type { GraphqlContext } from './graphql-context.js';

/**
 * A resolver behind the same coarse gate as its REST route: anonymous callers only read (and not
 * even that when the installation closes reading), keys only do what their scopes cover. Which
 * team's things a caller may change is then decided by the registry, as for REST.
 */
export function gated<Args, Parent = unknown>(gate: Gate, resolve: (args: Args, context: GraphqlContext, parent: Parent) => unknown) {
  return (parent: Parent, args: Args, context: GraphqlContext) => {
    gateRoute(gate, context.actor, { anonymousRead: context.anonymousRead });
    return resolve(args, context, parent);
  };
}

/** Drops the fields a GraphQL client left out or set to null, so REST's request shapes judge what remains. */
export const present = <T extends object>(input: T): { [K in keyof T]: Exclude<T[K], null> } =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined)) as { [K in keyof T]: Exclude<T[K], null> };
