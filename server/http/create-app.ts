import express, { Router } from 'express';
import type { Logger } from 'pino';
import type { Registry } from '../registry/index.js';
import { AccordError } from '../shared/index.js';
import { contractRoutes } from './contracts.routes.js';
import { environmentRoutes } from './environments.routes.js';
import { problemHandler, problemOf, sendProblem } from './problem.js';
import { requestContext } from './request-context.js';
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

export interface AppDeps {
  registry: Registry;
  log: Logger;
  /** Readiness: resolves when the database answers. */
  ping: () => Promise<void>;
  /** Accord's own REST API description, served at /api/v1/openapi.json. */
  apiDocument: () => Promise<object>;
  maxDocumentBytes: number;
}

/** Every REST route under /api/v1, as data. */
export function apiRoutes(registry: Registry): Route[] {
  return [...teamRoutes(registry), ...systemRoutes(registry), ...contractRoutes(registry), ...versionRoutes(registry), ...checkRoutes(registry), ...changelogRoutes(registry), ...waiverRoutes(registry), ...governanceRoutes(registry), ...rulesetRoutes(registry), ...subscriptionRoutes(registry), ...environmentRoutes(registry)];
}

export function createApp({ registry, log, ping, apiDocument, maxDocumentBytes }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  app.use(requestContext());
  app.use((req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      log.info({ requestId: res.getHeader('x-request-id'), method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
    });
    next();
  });

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    try {
      await ping();
      res.json({ status: 'ready' });
    } catch {
      sendProblem(res, problemOf(new AccordError('service-unavailable', 'the database does not answer')));
    }
  });

  const api = Router();
  // A JSON body carries the document as an escaped string, so it may be somewhat larger than the
  // document itself; the document limit proper is enforced by safe ingest on the decoded text.
  api.use(express.json({ limit: maxDocumentBytes * 2 + 64 * 1024, strict: true }));
  api.use(express.raw({ type: RAW_DOCUMENT_TYPES, limit: maxDocumentBytes }));
  api.get('/openapi.json', async (_req, res) => void res.json(await apiDocument()));
  for (const route of apiRoutes(registry)) api[route.method](expressPath(route.path), route.handler);
  app.use('/api/v1', api);

  app.use((req, _res, next) => next(new AccordError('route-not-found', `no route ${req.method} ${req.path}`)));
  app.use(problemHandler({ log }));
  return app;
}
