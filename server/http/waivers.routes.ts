import type { Registry, WaiverRequest } from '../registry/index.js';
import { actorOf, param } from './request-context.js';
import type { Route } from './route.js';
import { waiverCreate, waiverQuery } from './schemas.js';
import { validateInput } from './validate-input.js';

/** Waivers: an expiring, approved exception for one finding of one contract. */
export function waiverRoutes(registry: Registry): Route[] {
  const decision = (verb: 'approve' | 'revoke'): Route => ({
    method: 'post',
    access: 'waiver.decide',
    path: `/waivers/{waiver}/${verb}`,
    handler: async (req, res) => void res.json(await registry.waivers[verb](param(req, 'waiver'), actorOf(res))),
  });
  return [
    { method: 'get', access: 'read', path: '/contracts/{contract}/waivers', handler: async (req, res) => void res.json(await registry.waivers.list(param(req, 'contract'), validateInput(waiverQuery, req.query, 'query'))) },
    {
      method: 'post',
      access: 'waiver.request',
      path: '/contracts/{contract}/waivers',
      handler: async (req, res) => {
        const { check, fingerprint, rule, operations, pointer, ...rest } = validateInput(waiverCreate, req.body);
        const named = check !== undefined && fingerprint !== undefined ? { check, fingerprint } : { rule: rule!, operations: operations ?? [], ...(pointer !== undefined && { pointer }) };
        const request: WaiverRequest = { ...rest, ...named, contract: param(req, 'contract') };
        const waiver = await registry.waivers.request(request, actorOf(res));
        res.status(201).location(`/api/v1/waivers/${waiver.id}`).json(waiver);
      },
    },
    { method: 'get', access: 'read', path: '/waivers/{waiver}', handler: async (req, res) => void res.json(await registry.waivers.get(param(req, 'waiver'))) },
    decision('approve'),
    decision('revoke'),
  ];
}
