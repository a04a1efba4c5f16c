import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import type { Logger } from 'pino';

/** Paths the server answers itself; the catalog's client routes never start with these. */
const SERVER_PATHS = /^\/(api|graphql|healthz|readyz|metrics)(\/|$)/;

/**
 * The catalog's pages can run nothing but Accord's own scripts: contract documents are hostile,
 * and should a description ever slip an element past the sanitiser, the browser still refuses
 * inline scripts, inline styles, plugins, other origins and being framed.
 */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built catalog from `root` (Vite's output): hashed assets cached for good, everything
 * else revalidated, and any other GET for a page answered with the app, whose router knows the path.
 */
export function webApp({ root, log }: { root: string; log: Logger }): Router {
  const index = join(root, 'index.html');
  const web = Router();
  if (!existsSync(index)) log.warn({ root }, 'the web UI is not built (npm run build); only the APIs are served');
  web.use((_req, res, next) => {
    res.setHeader('content-security-policy', WEB_CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    next();
  });
  // A file name with a content hash never changes content: a new build brings new names.
  web.use('/assets', express.static(join(root, 'assets'), { index: false, fallthrough: false, immutable: true, maxAge: '365d', setHeaders: (res) => res.setHeader('cache-control', IMMUTABLE) }));
  web.use(express.static(root, { index: false, setHeaders: (res) => res.setHeader('cache-control', 'no-cache') }));
  web.get('/{*path}', (req, res, next) => {
    if (SERVER_PATHS.test(req.path) || !req.accepts('html') || !existsSync(index)) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return web;
}
