import type { Registry } from '../registry/index.js';
import { actorOf } from './request-context.js';
import type { Route } from './route.js';
import { auditQuery, auditVerifyQuery } from './schemas.js';
import { validateInput } from './validate-input.js';

/** The audit log: who changed what, and whether the hash chain over it still holds. Administrators only. */
export function auditRoutes(registry: Registry): Route[] {
  return [
    { method: 'get', access: 'admin', path: '/audit', handler: async (req, res) => void res.json(await registry.audit.query(validateInput(auditQuery, req.query, 'query'), actorOf(res))) },
    {
      method: 'get',
      access: 'admin',
      path: '/audit/verify',
      handler: async (req, res) => {
        validateInput(auditVerifyQuery, req.query, 'query');
        // A broken chain is a finding, not a failure of the request: 200 either way.
        res.json(await registry.audit.verify(actorOf(res)));
      },
    },
  ];
}
