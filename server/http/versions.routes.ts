import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Registry, Version } from '../registry/index.js';
import { documentInput } from './document-input.js';
import { actorOf, param } from './request-context.js';
import type { Route } from './route.js';
import { pageQuery, publishBody, publishQuery } from './schemas.js';
import { validateInput } from './validate-input.js';

/**
 * Versions are immutable: their number and content hash together are a strong validator (the
 * number too, because `latest` may move to a new version with identical content).
 * The conditional check is ours rather than Express's: Express treats any request carrying
 * `Cache-Control: no-cache` as unconditional, and the Fetch standard adds exactly that header
 * whenever a client sets `If-None-Match` itself. An origin server revalidating is what such a
 * request asks for, so a matching tag answers 304.
 */
function sendVersionPart(req: Request, res: Response, version: Version, body: () => void): void {
  // Deprecating is the one change a version still admits, so it is part of the tag once it happened.
  const deprecation = version.deprecatedAt === null ? '' : `:${createHash('sha256').update(JSON.stringify([version.deprecatedAt, version.sunsetAt, version.deprecationNote])).digest('hex').slice(0, 16)}`;
  const etag = `"${version.contentHash}:${version.version}${deprecation}"`;
  res.set('ETag', etag).set('Cache-Control', 'no-cache');
  const candidates = (req.get('if-none-match') ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (candidates.includes(etag) || candidates.includes('*')) return void res.status(304).end();
  body();
}

export function versionRoutes(registry: Registry): Route[] {
  const get = (req: Request) => registry.versions.get(param(req, 'contract'), param(req, 'version'));
  return [
    { method: 'get', access: 'read', path: '/contracts/{contract}/versions', handler: async (req, res) => void res.json(await registry.versions.list(param(req, 'contract'), validateInput(pageQuery, req.query, 'query'))) },
    {
      method: 'post',
      access: 'contract.publish',
      accepts: 'document',
      path: '/contracts/{contract}/versions',
      handler: async (req, res) => {
        const contract = param(req, 'contract');
        const { created, version } = await registry.versions.publish({ contract, ...documentInput(req, { body: publishBody, query: publishQuery }) }, actorOf(res));
        res.status(created ? 201 : 200).location(`/api/v1/contracts/${contract}/versions/${version.version}`).json(version);
      },
    },
    {
      method: 'get',
      access: 'read',
      path: '/contracts/{contract}/versions/{version}',
      handler: async (req, res) => {
        const version = await get(req);
        sendVersionPart(req, res, version, () => res.json(version));
      },
    },
    {
      method: 'get',
      access: 'read',
      path: '/contracts/{contract}/versions/{version}/document',
      handler: async (req, res) => {
        const version = await get(req);
        sendVersionPart(req, res, version, () => res.type('application/json').send(JSON.stringify(version.document)));
      },
    },
    {
      method: 'get',
      access: 'read',
      path: '/contracts/{contract}/versions/{version}/source',
      handler: async (req, res) => {
        const version = await get(req);
        sendVersionPart(req, res, version, () => res.type(version.sourceFormat === 'json' ? 'application/json' : 'application/yaml').send(version.source));
      },
    },
  ];
}
