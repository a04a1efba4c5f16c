import express, { Router, type RequestHandler } from 'express';
import { fromNodeHeaders } from 'better-auth/node';
import type { Logger } from 'pino';
import type { Registry } from '../registry/index.js';
import { gateRoute, rateLimitKey, type Auth, type Authenticator, type Identity, type RateLimiter, type SetupClaim } from '../auth/index.js';
import { describeActor } from '../shared/index.js';
import { identityRoutes } from './identity.routes.js';
import { authEndpoints } from './auth-endpoints.js';
import { boundedBody } from './bounded-body.js';
import { checkOrigin } from './check-origin.js';
import { AccordError } from '../shared/index.js';
import { contractRoutes } from './contracts.routes.js';
import { environmentRoutes } from './environments.routes.js';
import { problemHandler, problemOf, sendProblem } from './problem.js';
import { actorOf, requestContext } from './request-context.js';
import { expressPath, type Route } from './route.js';
import { subscriptionRoutes } from './subscriptions.routes.js';
import { changelogRoutes } from './changelog.routes.js';
import { checkRoutes } from './checks.routes.js';
import { waiverRoutes } from './waivers.routes.js';
import { governanceRoutes } from './governance.routes.js';
import { rulesetRoutes } from './rulesets.routes.js';
import { systemRoutes } from './systems.routes.js';
import { teamRoutes } from './teams.routes.js';
import { RAW_DOCUMENT_TYPES } from './document-input.js';
import { versionRoutes } from './versions.routes.js';
import { deprecationRoutes } from './deprecations.routes.js';
import { auditRoutes } from './audit.routes.js';
import { webhookRoutes } from './webhooks.routes.js';
import type { Webhooks } from '../notify/index.js';

/** Everything the REST routes call. */
export interface ApiServices {
  registry: Registry;
  identity: Identity;
  setup: SetupClaim;
  webhooks: Webhooks;
}

export interface AppDeps extends ApiServices {
  auth: Auth;
  authenticate: Authenticator;
  /** Whether anonymous callers may read the catalog. Writing always needs a person or a key. */
  anonymousRead: boolean;
  /** Origins whose pages may write with a session cookie. */
  trustedOrigins: ReadonlySet<string>;
  limits: { signIn: RateLimiter; publish: RateLimiter };
  /** Express's `trust proxy` setting, for the caller's address behind a reverse proxy. */
  trustProxy?: string | undefined;
  log: Logger;
  /** Readiness: resolves when the database answers. */
  ping: () => Promise<void>;
  /** Told of every request refused because the database could not be reached. */
  onDatabaseUnavailable?: () => void;
  /** Accord's own REST API description, served at /api/v1/openapi.json. */
  apiDocument: () => Promise<object>;
  maxDocumentBytes: number;
}

/** Every REST route under /api/v1, as data. */
export function apiRoutes({ registry, identity, setup, webhooks }: ApiServices): Route[] {
  return [...identityRoutes(identity, setup), ...teamRoutes(registry), ...systemRoutes(registry), ...contractRoutes(registry), ...versionRoutes(registry), ...deprecationRoutes(registry), ...checkRoutes(registry), ...changelogRoutes(registry), ...waiverRoutes(registry), ...governanceRoutes(registry), ...rulesetRoutes(registry), ...subscriptionRoutes(registry), ...environmentRoutes(registry), ...auditRoutes(registry), ...webhookRoutes(webhooks)];
}

export function createApp(deps: AppDeps): express.Express {
  const { log, ping, apiDocument, maxDocumentBytes, auth, authenticate, anonymousRead, trustedOrigins, limits } = deps;
  const app = express();
  app.disable('x-powered-by');
  if (deps.trustProxy !== undefined) app.set('trust proxy', trustProxyValue(deps.trustProxy));
  app.set('etag', 'strong');
  app.use(requestContext());
  app.use((req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      // Sign-in callbacks carry one-time codes in their query; those stay out of the log.
      const url = req.originalUrl.startsWith('/api/auth/') ? req.originalUrl.split('?')[0] : req.originalUrl;
      log.info({ requestId: res.getHeader('x-request-id'), method: req.method, url, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
    });
    next();
  });

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    try {
      await ping();
      res.json({ status: 'ready' });
    } catch {
      deps.onDatabaseUnavailable?.();
      sendProblem(res, problemOf(new AccordError('database-unavailable', 'the database does not answer')));
    }
  });

  // better-auth's own endpoints (sign-in, sign-out, session, OIDC callback) read the body
  // themselves, unless it was parsed already. Sign-in bodies are parsed here, so attempts can be
  // counted per address and per account: guessing one person's password from many addresses is
  // limited too.
  // Every endpoint that checks a password counts; better-auth accepts JSON and form bodies alike.
  app.post(['/api/auth/sign-in/{*rest}', '/api/auth/change-password', '/api/auth/verify-password', '/api/auth/change-email'], boundedBody(64 * 1024), express.json({ limit: 64 * 1024 }), express.urlencoded({ limit: 64 * 1024, extended: false }), (req, _res, next) => {
    const email = (req.body as { email?: unknown } | undefined)?.email;
    limits.signIn.take('sign-in attempts', rateLimitKey('address', req.ip), ...(typeof email === 'string' ? [rateLimitKey('account', email)] : []));
    next();
  });
  app.all('/api/auth/{*rest}', boundedBody(64 * 1024), authEndpoints(auth));

  const api = Router();
  // Bodies are read only once the caller has passed the route's gate, so a stranger's upload to a
  // write route is refused from its headers; GETs read none, and only routes that take documents
  // read more than a small JSON object. A JSON body carries the document as an escaped string, so
  // it may be somewhat larger than the document; safe ingest enforces the document limit on the text.
  const documentBody = [express.json({ limit: maxDocumentBytes * 2 + 64 * 1024, strict: true }), express.raw({ type: RAW_DOCUMENT_TYPES, limit: maxDocumentBytes })];
  const smallBody = [express.json({ limit: 64 * 1024, strict: true })];
  const bodyOf = (route: Route) => (route.method === 'get' ? [] : route.accepts === 'document' ? documentBody : smallBody);
  api.use(authenticated(authenticate, trustedOrigins));
  api.get('/openapi.json', async (_req, res) => void res.json(await apiDocument()));
  for (const route of apiRoutes(deps)) {
    const gate: RequestHandler = (_req, res, next) => next(gateRoute(route.access, actorOf(res), { anonymousRead }));
    // Publishing is the expensive write (parse, check, lint); one caller cannot monopolise the workers.
    const limit: RequestHandler[] = route.access === 'contract.publish' ? [(_req, res, next) => next(limits.publish.take('publishes', describeActor(actorOf(res))))] : [];
    api[route.method](expressPath(route.path), gate, ...limit, ...bodyOf(route), route.handler);
  }
  app.use('/api/v1', api);

  app.use((req, _res, next) => next(new AccordError('route-not-found', `no route ${req.method} ${req.path}`)));
  app.use(problemHandler({ log, onDatabaseUnavailable: deps.onDatabaseUnavailable }));
  return app;
}

/** Replaces the anonymous actor with whoever the credentials name; cookie writes must pass the origin check. */
function authenticated(authenticate: Authenticator, trustedOrigins: ReadonlySet<string>): RequestHandler {
  return async (req, res, next) => {
    const { actor, viaCookie } = await authenticate({ headers: fromNodeHeaders(req.headers), ip: req.ip }, actorOf(res).requestId ?? '');
    if (viaCookie) checkOrigin(req, trustedOrigins);
    res.locals.actor = actor;
    next();
  };
}

const trustProxyValue = (value: string): boolean | number | string => (value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value);
