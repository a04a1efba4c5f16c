import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Request, RequestHandler, Response } from 'express';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import type { RateLimiter } from '../auth/index.js';
import { createLandscapeLayouts } from '../landscape/index.js';
import type { Actor } from '../shared/index.js';
import type { Layouter } from '../workers/index.js';
import { createLoaders } from './create-loaders.js';
import type { GraphqlContext, GraphqlServices } from './graphql-context.js';
import { graphqlErrorOf } from './graphql-error-of.js';
import { limitPageBreadth } from './limit-page-breadth.js';
import { mutationResolvers } from './mutation.resolvers.js';
import { queryResolvers } from './query.resolvers.js';
import { createRegistryEventFeed } from './registry-event-feed.js';
import { DateTime, JSON as JSONScalar } from './scalars.js';
import { RegistryEventTypeValues, subscriptionResolvers } from './subscription.resolvers.js';
import { typeDefs } from './type-defs.js';
import { typeResolvers } from './type.resolvers.js';

/** The limits a query must stay within; each refusal names the limit and what the query reached. */
export const GRAPHQL_LIMITS = { maxDepth: 12, maxCost: 5_000, maxAliases: 15, maxTokens: 4_000, maxDirectives: 20, maxRows: 20_000 } as const;

type ServerContext = { req: Request; res: Response };

export interface GraphqlDeps extends GraphqlServices {
  anonymousRead: boolean;
  /** Whether the schema may be read through introspection (and field suggestions). */
  introspection: boolean;
  limits: { publish: RateLimiter };
  /** Lays out landscapes off the event loop. */
  layouter: Layouter;
  log: { error: (obj: object, msg: string) => void };
  /** How often live subscriptions look for new registry events. */
  eventPollIntervalMs?: number;
}

/** Accord's schema with its resolvers, without any HTTP: what `specs/accord.graphql` prints. */
export function accordSchema() {
  return createSchema<GraphqlContext & ServerContext>({
    typeDefs,
    resolvers: { DateTime, JSON: JSONScalar, RegistryEventType: RegistryEventTypeValues, Query: queryResolvers, Mutation: mutationResolvers, Live: subscriptionResolvers, ...typeResolvers },
  });
}

// The explorer's page carries its scripts and styles inline (several megabytes): rendered once.
let explorerPage: string | undefined;

/**
 * Browsers send cross-site form posts (urlencoded, multipart, text/plain) without asking first,
 * cookies included: an operation must arrive as JSON, which a page of another site can only send
 * after a CORS preflight Accord never grants. The same rule as Yoga's CSRF prevention plugin.
 */
const refuseFormPosts: Plugin = {
  onRequest({ request, endResponse, fetchAPI }) {
    if (request.method !== 'POST') return;
    const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/json' || type === 'application/graphql-response+json') return;
    const body = { errors: [{ message: 'send GraphQL operations as application/json; form posts are refused, so no other site can write with your session', extensions: { code: 'unsupported-media-type' } }] };
    endResponse(new fetchAPI.Response(globalThis.JSON.stringify(body), { status: 415, headers: { 'content-type': 'application/json' } }));
  },
};

/**
 * GraphQL over the registry's own services at `/graphql`. Mounted after authentication, so the
 * actor is whoever REST would see; every resolver goes through the services REST calls.
 */
export function createGraphql({ registry, identity, webhooks, traffic, runbooks, anonymousRead, introspection, limits, layouter, log, eventPollIntervalMs = 1_000 }: GraphqlDeps): RequestHandler {
  const services = { registry, identity, webhooks, traffic, runbooks };
  const events = createRegistryEventFeed({ log: registry.events, pollIntervalMs: eventPollIntervalMs, onError: (err) => log.error({ err }, 'reading registry events for live subscriptions failed') });
  // Layouts depend only on what they draw, so an instance's memory is as good as a shared cache.
  const layouts = createLandscapeLayouts({ layOut: layouter.layOut });
  const yoga = createYoga<ServerContext, GraphqlContext>({
    schema: accordSchema(),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: false,
    context: ({ res }) => ({ actor: res.locals.actor as Actor, anonymousRead, services, loaders: createLoaders(registry, traffic), limits, events, layouts }),
    maskedErrors: { maskError: (error) => graphqlErrorOf(error, { onUnexpected: (err) => log.error({ err }, 'unhandled error in a GraphQL resolver') }) },
    graphiql: { title: 'Accord GraphQL' },
    renderGraphiQL: (options) => (explorerPage ??= renderGraphiQL(options)),
    plugins: [
      refuseFormPosts,
      // A request a page of another site could send without a CORS preflight (a plain GET, a form)
      // must carry a header such a page cannot set. `authorization` qualifies: only scripts set it,
      // and setting it needs the preflight Accord never grants another origin.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'authorization'] }),
      EnvelopArmorPlugin({
        maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true, exposeLimits: true },
        costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ignoreIntrospection: true, exposeLimits: true },
        maxAliases: { n: GRAPHQL_LIMITS.maxAliases, exposeLimits: true },
        maxTokens: { n: GRAPHQL_LIMITS.maxTokens, exposeLimits: true },
        maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, exposeLimits: true },
        // Suggestions would spell out the schema that introspection was turned off to hide.
        blockFieldSuggestion: { enabled: !introspection },
      }),
      limitPageBreadth({ maxRows: GRAPHQL_LIMITS.maxRows }),
      ...(introspection ? [] : [{ onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule) } satisfies Plugin]),
    ],
  });
  return (req, res, next) => {
    // The explorer loads nothing from elsewhere; the policy makes browsers hold it to that.
    if (req.method === 'GET' && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html') {
      res.setHeader('Content-Security-Policy', "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'");
    }
    Promise.resolve(yoga(req, res)).catch(next);
  };
}
