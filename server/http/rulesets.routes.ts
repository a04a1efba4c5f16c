import type { Request } from 'express';
import type { Registry, RulesetInput } from '../registry/index.js';
import { AccordError, InvalidInput } from '../shared/index.js';
import { actorOf, param } from './request-context.js';
import type { Route } from './route.js';
import { rulesetAssignmentCreate, rulesetAssignmentQuery, rulesetCreate, rulesetQuery, rulesetUploadQuery } from './schemas.js';
import { validateInput } from './validate-input.js';
import { RAW_DOCUMENT_TYPES } from './document-input.js';
import { decodeUtf8 } from './decode-utf8.js';

/**
 * A ruleset to save: `{"name", "text", "description"}` as JSON, or the ruleset file itself (YAML or
 * JSON in one of the raw types) with `?name=`, so `curl --data-binary @ruleset.yaml` works.
 */
function rulesetInput(req: Request): RulesetInput {
  if (Buffer.isBuffer(req.body)) {
    const query = validateInput(rulesetUploadQuery, req.query, 'query');
    const text = decodeUtf8(req.body, { what: 'the ruleset', issues: [{ pointer: '/text', message: 'not UTF-8' }] });
    if (text.length === 0) throw new InvalidInput('the ruleset is empty: send its YAML or JSON text as the request body', [{ pointer: '/text', message: 'must not be empty' }]);
    return { ...query, text };
  }
  if (!req.is('application/json')) {
    throw new AccordError('unsupported-media-type', `send {"name", "text"} as application/json, or the ruleset itself as one of ${RAW_DOCUMENT_TYPES.join(', ')} with ?name=`);
  }
  return validateInput(rulesetCreate, req.body);
}

/** Policy rulesets: stored and versioned by name, assigned to where they apply. */
export function rulesetRoutes(registry: Registry): Route[] {
  return [
    { method: 'get', access: 'read', path: '/rulesets', handler: async (_req, res) => void res.json(await registry.rulesets.list()) },
    {
      method: 'post',
      access: 'admin',
      accepts: 'document',
      path: '/rulesets',
      handler: async (req, res) => {
        const { created, ruleset } = await registry.rulesets.save(rulesetInput(req), actorOf(res));
        res.status(created ? 201 : 200).location(`/api/v1/rulesets/${ruleset.name}?version=${ruleset.version}`).json(ruleset);
      },
    },
    {
      method: 'get',
      access: 'read',
      path: '/rulesets/{ruleset}',
      handler: async (req, res) => void res.json(await registry.rulesets.get(param(req, 'ruleset'), validateInput(rulesetQuery, req.query, 'query').version)),
    },
    { method: 'get', access: 'read', path: '/rulesets/{ruleset}/versions', handler: async (req, res) => void res.json(await registry.rulesets.versions(param(req, 'ruleset'))) },
    { method: 'get', access: 'read', path: '/ruleset-assignments', handler: async (req, res) => void res.json(await registry.rulesets.assignments(validateInput(rulesetAssignmentQuery, req.query, 'query'))) },
    {
      method: 'post',
      access: 'admin',
      path: '/ruleset-assignments',
      handler: async (req, res) => {
        const { created, assignment } = await registry.rulesets.assign(validateInput(rulesetAssignmentCreate, req.body), actorOf(res));
        res.status(created ? 201 : 200).json(assignment);
      },
    },
    // A POST, not a DELETE: the route table has no DELETE, and removal is recorded like any other change.
    { method: 'post', access: 'admin', path: '/ruleset-assignments/{assignment}/remove', handler: async (req, res) => void res.json(await registry.rulesets.unassign(param(req, 'assignment'), actorOf(res))) },
    { method: 'get', access: 'read', path: '/contracts/{contract}/ruleset', handler: async (req, res) => void res.json(await registry.rulesets.effectiveFor(param(req, 'contract'))) },
  ];
}
