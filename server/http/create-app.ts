import express, { Router, type RequestHandler } from 'express';
import { fromNodeHeaders } from 'better-auth/node';
import type { Logger } from 'pino';
import type { Registry } from '../registry/index.js';
import { gateRoute, rateLimitKey, type Auth, type Authenticator, type Identity, type RateLimiter, type SetupClaim } from '../auth/index.js';
import { describeActor } from '../shared/index.js';
import { identityRoutes, type SignInMethods } from './identity.routes.js';
import { authEndpoints } from './auth-endpoints.js';
import { closeUnreadBody } from './close-unread-body.js';
import { requestBody, type BodyRule } from './request-body.js';
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
import { usageRoutes } from './usage.routes.js';
import { auditRoutes } from './audit.routes.js';
import { webhookRoutes } from './webhooks.routes.js';
import type { Webhooks } from '../notify/index.js';
import type { Traffic } from '../traffic/index.js';
import { trafficRoutes } from './traffic.routes.js';
import type { OtlpIngest } from '../otlp/index.js';
import { exportTraces, OTLP_JSON, OTLP_PROTOBUF } from './export-traces.js';
import type { Runbooks } from '../runbook/index.js';
import { runbookRoutes } from './runbooks.routes.js';
import { webApp } from './web-app.js';

/** Everything the REST routes call. */
export interface ApiServices {
  registry: Registry;
  identity: Identity;
  setup: SetupClaim;
  /** How people can sign in besides email and password, for the sign-in page to offer. */
  signInMethods: SignInMethods;
  webhooks: Webhooks;
  traffic: Traffic;
  runbooks: Runbooks;
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
  /** The GraphQL endpoint, served at /graphql behind the same authentication as REST. */
  graphql?: RequestHandler;
  /** The built web UI (Vite's output), served at `/` with its client routes. */
  webRoot?: string;
  /** OTLP/HTTP trace ingest, served at /v1/traces where OpenTelemetry exporters send by default. */
  otlp?: OtlpIngest;
}

/** Every REST route under /api/v1, as data. */
export function apiRoutes({ registry, identity, setup, signInMethods, webhooks, traffic, runbooks }: ApiServices): Route[] {
  return [...identityRoutes(identity, setup, signInMethods), ...teamRoutes(registry), ...systemRoutes(registry), ...contractRoutes(registry), ...versionRoutes(registry), ...deprecationRoutes(registry), ...usageRoutes(registry), ...checkRoutes(registry), ...changelogRoutes(registry), ...waiverRoutes(registry), ...governanceRoutes(registry), ...rulesetRoutes(registry), ...subscriptionRoutes(registry), ...environmentRoutes(registry), ...auditRoutes(registry), ...webhookRoutes(webhooks), ...trafficRoutes(traffic), ...runbookRoutes(runbooks)];
}

export function createApp(deps: AppDeps): express.Express {
  const { log, ping, apiDocument, maxDocumentBytes, auth, authenticate, anonymousRead, trustedOrigins, limits } = deps;
  const app = express();
  app.disable('x-powered-by');
  if (deps.trustProxy !== undefined) app.set('trust proxy', trustProxyValue(deps.trustProxy));
  app.set('etag', 'strong');
  app.use(closeUnreadBody());
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
  // themselves, unless it was parsed already. Accord parses them all, so they are bounded and
  // decoded strictly like every other body, and so sign-in attempts can be counted per address and
  // per account: guessing one person's password from many addresses is limited too.
  // Every endpoint that checks a password counts; better-auth accepts JSON and form bodies alike.
  app.use('/api/auth', requestBody(authBody, { lengthRequired: true }));
  app.post(['/api/auth/sign-in/{*rest}', '/api/auth/change-password', '/api/auth/verify-password', '/api/auth/change-email'], (req, _res, next) => {
    const email = (req.body as { email?: unknown } | undefined)?.email;
    limits.signIn.take('sign-in attempts', rateLimitKey('address', req.ip), ...(typeof email === 'string' ? [rateLimitKey('account', email)] : []));
    next();
  });
  app.all('/api/auth/{*rest}', authEndpoints(auth));

  const api = Router();
  // Bodies are read only once the caller has passed the route's gate, so a stranger's upload to a
  // write route is refused from its headers; GETs read none, and only routes that take documents
  // read more than a small JSON object. A JSON body carries the document as an escaped string, so
  // it may be somewhat larger than the document; safe ingest enforces the document limit on the text.
  const documentBody = [
    requestBody(
      [
        { types: ['application/json'], as: 'json', maxBytes: maxDocumentBytes * 2 + SMALL_BODY_BYTES },
        { types: RAW_DOCUMENT_TYPES, as: 'bytes', maxBytes: maxDocumentBytes },
      ],
      { tooLarge: 'document-too-large' },
    ),
  ];
  const smallBody = [requestBody([{ types: ['application/json'], as: 'json', maxBytes: SMALL_BODY_BYTES }])];
  const windowsBody = [requestBody([{ types: ['application/json'], as: 'json', maxBytes: WINDOWS_BODY_BYTES }])];
  const bodyOf = (route: Route) => (route.method === 'get' ? [] : route.accepts === 'document' ? documentBody : route.accepts === 'windows' ? windowsBody : smallBody);
  api.use(authenticated(authenticate, trustedOrigins));
  api.get('/openapi.json', async (_req, res) => void res.json(await apiDocument()));
  for (const route of apiRoutes(deps)) {
    const gate: RequestHandler = (_req, res, next) => next(gateRoute(route.access, actorOf(res), { anonymousRead }));
    // Publishing is the expensive write (parse, check, lint); one caller cannot monopolise the workers.
    const limit: RequestHandler[] = route.access === 'contract.publish' ? [(_req, res, next) => next(limits.publish.take('publishes', describeActor(actorOf(res))))] : [];
    api[route.method](expressPath(route.path), gate, ...limit, ...bodyOf(route), route.handler);
  }
  app.use('/api/v1', api);

  if (deps.otlp) {
    // Outside /api/v1: an OTLP exporter given Accord's origin as its endpoint appends /v1/traces itself.
    const otlpBody = requestBody([{ types: [OTLP_PROTOBUF, OTLP_JSON], as: 'bytes', maxBytes: OTLP_BODY_BYTES }], { gzip: true });
    const gate: RequestHandler = (_req, res, next) => next(gateRoute('traffic.write', actorOf(res), { anonymousRead }));
    app.post('/v1/traces', authenticated(authenticate, trustedOrigins), gate, otlpBody, exportTraces(deps.otlp));
  }
  // A GraphQL body may carry a document to publish, as an escaped string inside JSON.
  // Read and decoded strictly like every JSON body; Yoga takes the parsed body from the request.
  if (deps.graphql) app.use('/graphql', requestBody([{ types: ['application/json'], as: 'json', maxBytes: maxDocumentBytes * 2 + SMALL_BODY_BYTES }], { tooLarge: 'document-too-large' }), authenticated(authenticate, trustedOrigins), deps.graphql);

  if (deps.webRoot) app.use(webApp({ root: deps.webRoot, log }));

  app.use((req, _res, next) => next(new AccordError('route-not-found', `no route ${req.method} ${req.path}; GET /api/v1/openapi.json lists every route`)));
  app.use(problemHandler({ log, onDatabaseUnavailable: deps.onDatabaseUnavailable }));
  return app;
}

const SMALL_BODY_BYTES = 64 * 1024;
// A hundred windows of a busy contract (many operations × consumers, violation samples) exceed the small limit.
const WINDOWS_BODY_BYTES = 8 * 1024 * 1024;
// A Collector's batch of a few thousand spans is a few megabytes of protobuf; the bound holds after gzip is inflated too.
const OTLP_BODY_BYTES = 16 * 1024 * 1024;

/** Whatever better-auth would read; its endpoints take JSON or forms, anything else is at least text. */
const authBody: BodyRule[] = [
  { types: ['application/json', '+json'], as: 'json', maxBytes: SMALL_BODY_BYTES },
  { types: ['application/x-www-form-urlencoded'], as: 'form', maxBytes: SMALL_BODY_BYTES },
  { types: ['*/*'], as: 'text', maxBytes: SMALL_BODY_BYTES },
];

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
