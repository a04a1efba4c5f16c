import type { Identity, RateLimiter } from '../auth/index.js';
import type { LandscapeLayouts } from '../landscape/index.js';
import type { Webhooks } from '../notify/index.js';
import type { Registry } from '../registry/index.js';
import type { Runbooks } from '../runbook/index.js';
import type { Traffic } from '../traffic/index.js';
import type { Actor } from '../shared/index.js';
import type { Loaders } from './create-loaders.js';
import type { RegistryEventFeed } from './registry-event-feed.js';

/** The services GraphQL resolves over: the very ones the REST routes call. */
export interface GraphqlServices {
  registry: Registry;
  identity: Identity;
  webhooks: Webhooks;
  traffic: Traffic;
  runbooks: Runbooks;
}

/** What every resolver of one request sees. */
export interface GraphqlContext {
  actor: Actor;
  anonymousRead: boolean;
  services: GraphqlServices;
  /** Per request: batching and caching end with the request, so no one sees another's reads. */
  loaders: Loaders;
  /** Counts a publish against the caller's share, as REST does. */
  limits: { publish: RateLimiter };
  /** Landscape drawings by content, shared by every request of the process. */
  layouts: LandscapeLayouts;
  /** Live registry events, shared by every subscription of the process. */
  events: RegistryEventFeed;
}
