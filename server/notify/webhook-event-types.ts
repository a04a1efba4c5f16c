import type { RegistryEventType } from '../registry/index.js';

/**
 * The event types an endpoint may filter on, by their short names. A value list is needed to
 * validate requests; `satisfies` keeps it to types the registry emits, and the exhaustive switch
 * in `audienceOf` notices a new one.
 */
export const WEBHOOK_EVENT_TYPES = [
  'version.published',
  'contract.deprecated',
  'subscription.requested',
  'subscription.approved',
  'subscription.rejected',
  'subscription.revoked',
  'check.failed',
  'incident.opened',
  'incident.resolved',
] as const satisfies readonly RegistryEventType[];

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The connectivity test an owner sends itself; every endpoint receives it whatever its filter. */
export const PING_EVENT_TYPE = 'ping';

/** The CloudEvents `type` of a short name: reverse-DNS, so it cannot clash with other producers'. */
export const cloudEventType = (type: WebhookEventType | typeof PING_EVENT_TYPE) => `dev.accord.${type}`;
