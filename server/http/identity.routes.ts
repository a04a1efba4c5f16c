import type { Identity, SetupClaim } from '../auth/index.js';
import { apiKeyCreate, apiKeyQuery, membershipPut, personCreate, personPatch, setupBody } from './identity.schemas.js';
import { actorOf, param } from './request-context.js';
import type { Route } from './route.js';
import { pageQuery } from './schemas.js';
import { validateInput } from './validate-input.js';

/** Ways to sign in that an installation may offer beside email and password. */
export interface SignInMethods {
  /** The OpenID Connect provider's display name ("Okta"), when single sign-on is configured. */
  singleSignOn: { name: string } | null;
}

/** People, team memberships, API keys, and the one-time claim of a new installation. */
export function identityRoutes(identity: Identity, setup: SetupClaim, signInMethods: SignInMethods): Route[] {
  // Reached through `identity` in each handler, so the table can be listed without live services.
  const people = () => identity.people;
  const memberships = () => identity.memberships;
  const apiKeys = () => identity.apiKeys;
  return [
    { method: 'get', access: 'public', path: '/me', handler: async (_req, res) => void res.json(await people().me(actorOf(res))) },
    { method: 'get', access: 'public', path: '/sign-in-methods', handler: async (_req, res) => void res.json({ password: true, ...signInMethods }) },
    {
      method: 'post',
      access: 'public',
      path: '/setup',
      handler: async (req, res) => {
        const { token, ...person } = validateInput(setupBody, req.body);
        res.status(201).json(await setup.claim(token, person));
      },
    },
    { method: 'get', access: 'admin', path: '/users', handler: async (req, res) => void res.json(await people().list(validateInput(pageQuery, req.query, 'query'), actorOf(res))) },
    { method: 'post', access: 'admin', path: '/users', handler: async (req, res) => void res.status(201).json(await people().create(validateInput(personCreate, req.body), actorOf(res))) },
    { method: 'patch', access: 'admin', path: '/users/{user}', handler: async (req, res) => void res.json(await people().setRole(param(req, 'user'), validateInput(personPatch, req.body).role, actorOf(res))) },
    { method: 'get', access: 'team.read', path: '/teams/{team}/members', handler: async (req, res) => void res.json({ items: await memberships().list(param(req, 'team'), actorOf(res)) }) },
    {
      method: 'post',
      access: 'team.manage',
      path: '/teams/{team}/members',
      handler: async (req, res) => {
        const { created, membership } = await memberships().put(param(req, 'team'), validateInput(membershipPut, req.body), actorOf(res));
        res.status(created ? 201 : 200).json(membership);
      },
    },
    { method: 'post', access: 'team.manage', path: '/teams/{team}/members/{user}/remove', handler: async (req, res) => void res.json(await memberships().remove(param(req, 'team'), param(req, 'user'), actorOf(res))) },
    {
      method: 'get',
      access: 'team.manage',
      path: '/teams/{team}/api-keys',
      handler: async (req, res) => void res.json({ items: await apiKeys().list(param(req, 'team'), validateInput(apiKeyQuery, req.query, 'query'), actorOf(res)) }),
    },
    {
      method: 'post',
      access: 'team.manage',
      path: '/api-keys',
      handler: async (req, res) => {
        const { key, apiKey } = await apiKeys().create(validateInput(apiKeyCreate, req.body), actorOf(res));
        // The key is in this response and nowhere else, ever; make sure nothing caches it.
        res.status(201).set('Cache-Control', 'no-store').json({ ...apiKey, key });
      },
    },
    { method: 'post', access: 'team.manage', path: '/api-keys/{key}/revoke', handler: async (req, res) => void res.json(await apiKeys().revoke(param(req, 'key'), actorOf(res))) },
    { method: 'post', access: 'team.manage', path: '/api-keys/{key}/adopt', handler: async (req, res) => void res.json(await apiKeys().adopt(param(req, 'key'), actorOf(res))) },
  ];
}
