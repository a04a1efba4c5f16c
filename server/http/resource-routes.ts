import type { z } from 'zod';
import type { Actor } from '../shared/index.js';
import { actorOf, param } from './request-context.js';
import type { Route, RouteAccess } from './route.js';
import { validateInput } from './validate-input.js';

export interface ResourceService<Create, Patch, Query, T> {
  list(query: Query): Promise<unknown>;
  create(input: Create, actor: Actor): Promise<T>;
  get(slug: string): Promise<T>;
  update(slug: string, patch: Patch, actor: Actor): Promise<T>;
}

/**
 * The four routes every slug-addressed resource has: list (with its query), create (201 with a
 * Location), get and patch. Bodies and queries are validated before the service sees them.
 */
export function resourceRoutes<CS extends z.ZodType, PS extends z.ZodType, QS extends z.ZodType, T extends { slug: string }>({
  collection,
  param: name,
  schemas,
  service,
  access,
}: {
  collection: string;
  param: string;
  schemas: { create: CS; patch: PS; query: QS };
  service: ResourceService<z.output<CS>, z.output<PS>, z.output<QS>, T>;
  /** Who may create and who may change; reading follows the installation's read access. */
  access: { create: RouteAccess; update: RouteAccess };
}): Route[] {
  const item = `${collection}/{${name}}`;
  return [
    { method: 'get', access: 'read', path: collection, handler: async (req, res) => void res.json(await service.list(validateInput(schemas.query, req.query, 'query'))) },
    {
      method: 'post',
      access: access.create,
      path: collection,
      handler: async (req, res) => {
        const created = await service.create(validateInput(schemas.create, req.body), actorOf(res));
        res.status(201).location(`/api/v1${collection}/${created.slug}`).json(created);
      },
    },
    { method: 'get', access: 'read', path: item, handler: async (req, res) => void res.json(await service.get(param(req, name))) },
    { method: 'patch', access: access.update, path: item, handler: async (req, res) => void res.json(await service.update(param(req, name), validateInput(schemas.patch, req.body), actorOf(res))) },
  ];
}
