import type { Scope } from './access.js';

/**
 * Who performs an operation. Every registry operation receives one, so the access policy and the
 * audit log see the same caller.
 */
export type Actor =
  | { kind: 'anonymous'; requestId?: string; ip?: string }
  | { kind: 'system'; name: string; requestId?: string }
  | { kind: 'user'; userId: string; name: string; requestId?: string; ip?: string }
  | { kind: 'api-key'; keyId: string; name: string; teamId: string | null; scopes: readonly Scope[]; requestId?: string; ip?: string };

export function describeActor(actor: Actor): string {
  switch (actor.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'system':
      return `system:${actor.name}`;
    case 'user':
      return `user:${actor.userId}`;
    case 'api-key':
      return `api-key:${actor.keyId}`;
  }
}

/** The actor as a person reads it next to a setting they changed: a name, not an id. */
export function nameActor(actor: Actor): string {
  switch (actor.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'system':
      return actor.name;
    case 'user':
      return actor.name;
    case 'api-key':
      return `API key "${actor.name}"`;
  }
}
