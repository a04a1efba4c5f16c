import type { Actor } from './actor.js';
import { AccordError } from './errors.js';

/**
 * What an API key may be allowed to do; people get their rights from roles instead. Together the
 * scopes short of `admin` cover every action a team role allows on the team's contracts, so a
 * pipeline never needs an installation-wide key to do its team's work.
 */
export const API_KEY_SCOPES = ['contracts:read', 'contracts:publish', 'checks:run', 'traffic:write', 'subscriptions:write', 'waivers:write', 'webhooks:write', 'admin'] as const;
export type Scope = (typeof API_KEY_SCOPES)[number];

/**
 * Every kind of write Accord knows, named by what it does rather than by route. The access policy
 * decides each against the team that owns the thing written to, read in the write's transaction.
 */
export const ACTIONS = [
  'admin',
  'team.read',
  'team.manage',
  'contract.manage',
  'contract.publish',
  'deployment.record',
  'check.run',
  'subscription.request',
  'subscription.decide',
  'waiver.request',
  'waiver.decide',
  'traffic.write',
  'webhook.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Decides whether an actor may perform an action on something owned by `teamId` (null for
 * installation-wide things). `tx` is the transaction of the write, so ownership and roles are read
 * as the write sees them.
 */
export interface AccessPolicy {
  permits(tx: unknown, actor: Actor, action: Action, teamId: string | null): Promise<boolean>;
  /** As `permits`, throwing `Unauthenticated` or `Forbidden` with a message naming what was missing. */
  assert(tx: unknown, actor: Actor, action: Action, teamId: string | null): Promise<void>;
}

/** The request carries no usable credentials and the operation needs some. */
export class Unauthenticated extends AccordError {
  constructor(message = 'sign in or send an API key (Authorization: Bearer <key>)') {
    super('unauthenticated', message);
  }
}

/** The caller is known but may not do this. */
export class Forbidden extends AccordError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

/**
 * The API key is known and live, but the person answerable for it (its custodian) no longer holds
 * the role that creating it took, and nobody has taken it over.
 */
export class ApiKeySuspended extends AccordError {
  constructor(message: string) {
    super('api-key-suspended', message);
  }
}

/** Too many attempts from one caller; `retryAfterSeconds` says when to try again. */
export class RateLimited extends AccordError {
  constructor(message: string, retryAfterSeconds: number) {
    super('rate-limited', message, [], { retryAfterSeconds });
  }
}
