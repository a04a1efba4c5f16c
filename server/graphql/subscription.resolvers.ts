import type { LoggedRegistryEvent, RegistryEventType } from '../registry/index.js';
import { gated } from './gated.js';
import type { RegistryEventFilter } from './registry-event-feed.js';

/** The enum's names for the registry's event types, which webhooks use as they are. */
export const RegistryEventTypeValues = {
  VERSION_PUBLISHED: 'version.published',
  CONTRACT_DEPRECATED: 'contract.deprecated',
  SUBSCRIPTION_REQUESTED: 'subscription.requested',
  SUBSCRIPTION_APPROVED: 'subscription.approved',
  SUBSCRIPTION_REJECTED: 'subscription.rejected',
  SUBSCRIPTION_REVOKED: 'subscription.revoked',
  CHECK_FAILED: 'check.failed',
} satisfies Record<string, RegistryEventType>;

// Everything an event tells is readable through REST by whoever may read the catalog.
export const subscriptionResolvers = {
  registryEvents: {
    subscribe: gated<RegistryEventFilter>('read', (filter, { events }) => events.follow(filter)),
    resolve: (event: LoggedRegistryEvent) => event,
  },
};
