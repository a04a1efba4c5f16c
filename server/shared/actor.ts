/**
 * Who performs an operation. Every registry operation receives one, so authorisation and the audit
 * log can be added around the registry without changing its signatures.
 */
export type Actor =
  | { kind: 'anonymous'; requestId?: string }
  | { kind: 'system'; name: string; requestId?: string }
  | { kind: 'user'; userId: string; name: string; requestId?: string }
  | { kind: 'api-key'; keyId: string; team: string; requestId?: string };

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
