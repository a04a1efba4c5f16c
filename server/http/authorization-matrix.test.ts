import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accordSchema } from '../graphql/index.js';
import type { Scope } from '../shared/index.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { CALLERS, createCallers, signIn, type Caller, type Callers } from './__fixtures__/create-callers.js';
import { apiRoutes } from './create-app.js';
import type { Route } from './route.js';

/*
 * Every REST route against every kind of caller. The expectations below are written by hand from
 * the product's definition of the roles, not computed from the access policy: a test that asked
 * the policy what to expect could never disagree with it.
 */

/** Who may use a route, as the product defines the roles; see `PROFILES`. */
type Profile =
  | 'public'
  | 'read'
  | 'admin-only'
  | 'maintainer'
  | 'maintainer-or-publish-key'
  | 'maintainer-or-subscriptions-key'
  | 'maintainer-or-waivers-key'
  | 'maintainer-or-webhooks-key'
  | 'member'
  | 'member-or-checks-key'
  | 'member-or-subscriptions-key'
  | 'member-or-waivers-key'
  | 'member-or-traffic-key'
  | 'setup-token-holder';

// `admin key` is an administrator's: installation-wide, like the bootstrap key.
const ADMINS: readonly Caller[] = ['admin', 'admin key', 'bootstrapKey'];
const MAINTAINERS: readonly Caller[] = ['maintainer', ...ADMINS];
const MEMBERS: readonly Caller[] = ['member', ...MAINTAINERS];

/**
 * `may`: the callers allowed; `scope`: the scope an API key of the owning team needs (the unscoped
 * key carries every pipeline scope but it). What a pipeline does not do, managing the team itself,
 * needs an `admin` key, which is installation-wide.
 */
const PROFILES: Record<Profile, { may: readonly Caller[]; scope: Scope; anonymousRefusal?: 401 | 403 }> = {
  public: { may: CALLERS, scope: 'contracts:read' },
  // Anonymous reading is on, the default.
  read: { may: CALLERS, scope: 'contracts:read' },
  'admin-only': { may: ADMINS, scope: 'admin' },
  maintainer: { may: MAINTAINERS, scope: 'admin' },
  'maintainer-or-publish-key': { may: [...MAINTAINERS, 'contracts:publish key'], scope: 'contracts:publish' },
  'maintainer-or-subscriptions-key': { may: [...MAINTAINERS, 'subscriptions:write key'], scope: 'subscriptions:write' },
  'maintainer-or-waivers-key': { may: [...MAINTAINERS, 'waivers:write key'], scope: 'waivers:write' },
  'maintainer-or-webhooks-key': { may: [...MAINTAINERS, 'webhooks:write key'], scope: 'webhooks:write' },
  member: { may: MEMBERS, scope: 'admin' },
  'member-or-checks-key': { may: [...MEMBERS, 'checks:run key'], scope: 'checks:run' },
  'member-or-subscriptions-key': { may: [...MEMBERS, 'subscriptions:write key'], scope: 'subscriptions:write' },
  'member-or-waivers-key': { may: [...MEMBERS, 'waivers:write key'], scope: 'waivers:write' },
  'member-or-traffic-key': { may: [...MEMBERS, 'traffic:write key'], scope: 'traffic:write' },
  // Claiming an installation takes the token printed in the server's log, which no caller here has.
  'setup-token-holder': { may: [], scope: 'admin', anonymousRefusal: 403 },
};

const expectedOutcome = (profile: Profile, caller: Caller, ok: number): string => {
  const { may, anonymousRefusal = 401 } = PROFILES[profile];
  if (may.includes(caller)) return String(ok);
  return caller === 'anonymous' && anonymousRefusal === 401 ? '401 unauthenticated' : '403 forbidden';
};

interface Call {
  path: string;
  body?: unknown;
}

interface Expectation {
  profile: Profile;
  /** What the route answers on success. */
  ok: number;
  /** Makes what one call needs with the bootstrap key, so an allowed call really succeeds, and answers the call. */
  call: () => Call | Promise<Call>;
}

// The thing written belongs to team `owners`; `others` is another team with a member of its own.
const OWNERS = 'owners';
const OTHERS = 'others';
const OWNERS_SYSTEM = 'owners-app';
const OTHERS_SYSTEM = 'others-app';
const CONTRACT = 'owners-api';
const OTHERS_CONTRACT = 'others-api';
const SUNSET_CONTRACT = 'owners-sunset';
const DOMAIN = 'matrix';
const ENVIRONMENT = 'matrix-env';
const RULESET = 'matrix-rules';

const stockApi = (version: string) =>
  JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'Stock API', version },
    paths: {
      '/stock/{sku}': { get: { operationId: 'getStock', responses: { '200': { description: 'stock level' } } } },
      '/reservations': { post: { operationId: 'reserve', responses: { '201': { description: 'reserved' } } } },
    },
  });
/** A window of traffic to CONTRACT in ENVIRONMENT, ending now, with an id of its own. */
const trafficWindow = () => ({
  id: `matrix-window-${fresh('w')}`,
  contract: CONTRACT,
  environment: ENVIRONMENT,
  version: '1.0.0',
  source: 'proxy',
  reporter: 'matrix',
  startedAt: new Date(Date.now() - 10_000).toISOString(),
  endedAt: new Date().toISOString(),
  operations: [{ operation: 'GET /stock/{sku}', consumer: 'matrix', requests: 1, status: { '2xx': 1 }, latency: [[200, 1]] }],
});
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

let server: TestServer;
let callers: Callers;
const world = { check: '', waiver: '', subscription: '', webhook: '' };

let counter = 0;
const fresh = (prefix: string) => `${prefix}-${++counter}`;
// Each call moves a sunset later than the one before: a sunset may be postponed, never brought forward.
const laterSunset = () => inDays(60 + ++counter);

/** A write with the bootstrap key that must succeed; the matrix's preparations. */
async function made<T = { id: string }>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await server.json<T>(method, `/api/v1${path}`, body);
  expect(res.status, `${method} ${path} while preparing: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}
const freshSystem = async (team: string) => (await made<{ slug: string }>('POST', '/systems', { slug: fresh('system'), name: 'Fresh system', team, domain: DOMAIN })).slug;
const freshPerson = async () => made<{ id: string; email: string }>('POST', '/users', { email: `${fresh('person')}@matrix.example`, name: 'Fresh Person', password: 'a long enough password' });
const freshWaiver = async () =>
  (await made('POST', `/contracts/${CONTRACT}/waivers`, { rule: 'response-property-removed', operations: ['GET /stock/{sku}'], pointer: `/${fresh('pointer')}`, reason: 'matrix', expiresAt: inDays(10) })).id;
/** A requested subscription of a fresh system of `consumerTeam` to `contract`. */
const freshSubscription = async (consumerTeam: string, contract: string) =>
  (await made('POST', `/contracts/${contract}/subscriptions`, { consumer: await freshSystem(consumerTeam), range: '^1.0.0', operations: ['GET /stock/{sku}'] })).id;
// A system takes a limited number of active webhooks, so each gets a system of its own. Port 9 refuses at once.
const freshWebhook = async () => (await made('POST', `/systems/${await freshSystem(OWNERS)}/webhooks`, { url: 'http://127.0.0.1:9/matrix' })).id;

/**
 * The route → profile mapping, by hand. Keys are `METHOD path` as in the route table. For
 * subscriptions the owning team is the consumer's when asking or revoking (the contract then
 * belongs to `others`), and the contract's when deciding (the consumer then belongs to `others`).
 */
const EXPECTATIONS: Record<string, Expectation> = {
  // People, memberships, keys, setup
  'GET /me': { profile: 'public', ok: 200, call: () => ({ path: '/me' }) },
  'GET /sign-in-methods': { profile: 'public', ok: 200, call: () => ({ path: '/sign-in-methods' }) },
  'POST /setup': { profile: 'setup-token-holder', ok: 201, call: () => ({ path: '/setup', body: { token: 'setup_not-the-token', email: `${fresh('claim')}@matrix.example`, name: 'Claimer', password: 'a long enough password' } }) },
  'GET /users': { profile: 'admin-only', ok: 200, call: () => ({ path: '/users' }) },
  'POST /users': { profile: 'admin-only', ok: 201, call: () => ({ path: '/users', body: { email: `${fresh('new')}@matrix.example`, name: 'New Person', password: 'a long enough password' } }) },
  'PATCH /users/{user}': { profile: 'admin-only', ok: 200, call: async () => ({ path: `/users/${(await freshPerson()).id}`, body: { role: 'user' } }) },
  'GET /teams/{team}/members': { profile: 'member', ok: 200, call: () => ({ path: `/teams/${OWNERS}/members` }) },
  'POST /teams/{team}/members': { profile: 'maintainer', ok: 201, call: async () => ({ path: `/teams/${OWNERS}/members`, body: { email: (await freshPerson()).email, role: 'member' } }) },
  'POST /teams/{team}/members/{user}/remove': {
    profile: 'maintainer',
    ok: 200,
    call: async () => {
      const person = await freshPerson();
      await made('POST', `/teams/${OWNERS}/members`, { email: person.email, role: 'member' });
      return { path: `/teams/${OWNERS}/members/${person.id}/remove` };
    },
  },
  'GET /teams/{team}/api-keys': { profile: 'maintainer', ok: 200, call: () => ({ path: `/teams/${OWNERS}/api-keys` }) },
  'POST /api-keys': { profile: 'maintainer', ok: 201, call: () => ({ path: '/api-keys', body: { name: fresh('key'), team: OWNERS, scopes: ['contracts:publish'] } }) },
  'POST /api-keys/{key}/revoke': { profile: 'maintainer', ok: 200, call: async () => ({ path: `/api-keys/${(await made('POST', '/api-keys', { name: fresh('key'), team: OWNERS, scopes: ['contracts:read'] })).id}/revoke` }) },
  'POST /api-keys/{key}/adopt': { profile: 'maintainer', ok: 200, call: async () => ({ path: `/api-keys/${(await made('POST', '/api-keys', { name: fresh('key'), team: OWNERS, scopes: ['contracts:read'] })).id}/adopt` }) },

  // Teams and systems
  'GET /teams': { profile: 'read', ok: 200, call: () => ({ path: '/teams' }) },
  'POST /teams': { profile: 'admin-only', ok: 201, call: () => ({ path: '/teams', body: { slug: fresh('team'), name: 'Fresh team' } }) },
  'GET /teams/{team}': { profile: 'read', ok: 200, call: () => ({ path: `/teams/${OWNERS}` }) },
  'PATCH /teams/{team}': { profile: 'maintainer', ok: 200, call: () => ({ path: `/teams/${OWNERS}`, body: { description: fresh('described') } }) },
  'GET /systems': { profile: 'read', ok: 200, call: () => ({ path: '/systems' }) },
  'POST /systems': { profile: 'maintainer', ok: 201, call: () => ({ path: '/systems', body: { slug: fresh('system'), name: 'Fresh system', team: OWNERS, domain: DOMAIN } }) },
  'GET /systems/{system}': { profile: 'read', ok: 200, call: () => ({ path: `/systems/${OWNERS_SYSTEM}` }) },
  'PATCH /systems/{system}': { profile: 'maintainer', ok: 200, call: () => ({ path: `/systems/${OWNERS_SYSTEM}`, body: { description: fresh('described') } }) },
  'GET /systems/{system}/subscriptions': { profile: 'read', ok: 200, call: () => ({ path: `/systems/${OWNERS_SYSTEM}/subscriptions` }) },

  // Contracts, versions, deprecations
  'GET /contracts': { profile: 'read', ok: 200, call: () => ({ path: '/contracts' }) },
  'POST /contracts': { profile: 'maintainer-or-publish-key', ok: 201, call: () => ({ path: '/contracts', body: { slug: fresh('contract'), name: 'Fresh contract', system: OWNERS_SYSTEM } }) },
  'GET /contracts/{contract}': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}` }) },
  'PATCH /contracts/{contract}': { profile: 'maintainer-or-publish-key', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}`, body: { description: fresh('described') } }) },
  'GET /contracts/{contract}/versions': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/versions` }) },
  'POST /contracts/{contract}/versions': {
    profile: 'maintainer-or-publish-key',
    ok: 201,
    call: () => {
      const version = `1.${++counter}.0`;
      return { path: `/contracts/${CONTRACT}/versions`, body: { version, document: stockApi(version) } };
    },
  },
  'GET /contracts/{contract}/versions/{version}': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/versions/1.0.0` }) },
  'GET /contracts/{contract}/versions/{version}/document': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/versions/1.0.0/document` }) },
  'GET /contracts/{contract}/versions/{version}/source': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/versions/1.0.0/source` }) },
  'POST /contracts/{contract}/deprecate': { profile: 'maintainer-or-publish-key', ok: 200, call: () => ({ path: `/contracts/${SUNSET_CONTRACT}/deprecate`, body: { sunsetAt: laterSunset() } }) },
  'POST /contracts/{contract}/versions/{version}/deprecate': { profile: 'maintainer-or-publish-key', ok: 200, call: () => ({ path: `/contracts/${SUNSET_CONTRACT}/versions/1.0.0/deprecate`, body: { sunsetAt: laterSunset() } }) },
  'POST /contracts/{contract}/operations/deprecate': {
    profile: 'maintainer-or-publish-key',
    ok: 200,
    call: () => ({ path: `/contracts/${SUNSET_CONTRACT}/operations/deprecate`, body: { operations: ['GET /stock/{sku}'], sunsetAt: laterSunset() } }),
  },
  'POST /contracts/{contract}/operations/undeprecate': {
    profile: 'maintainer-or-publish-key',
    ok: 200,
    call: async () => {
      await made('POST', `/contracts/${SUNSET_CONTRACT}/operations/deprecate`, { operations: ['POST /reservations'], sunsetAt: laterSunset() });
      return { path: `/contracts/${SUNSET_CONTRACT}/operations/undeprecate`, body: { operations: ['POST /reservations'] } };
    },
  },
  'GET /contracts/{contract}/deprecations': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${SUNSET_CONTRACT}/deprecations` }) },

  // Observed usage and usage-aware gating: read by whoever reads the catalog, set by the owners' maintainers
  'GET /contracts/{contract}/usage': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/usage` }) },
  'GET /contracts/{contract}/usage/settings': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/usage/settings` }) },
  'PATCH /contracts/{contract}/usage/settings': { profile: 'maintainer-or-publish-key', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/usage/settings`, body: { days: 20 + (++counter % 50) } }) },
  'POST /contracts/{contract}/usage/exclusions': { profile: 'maintainer-or-publish-key', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/usage/exclusions`, body: { consumer: fresh('probe'), reason: 'a synthetic probe' } }) },
  'POST /contracts/{contract}/usage/exclusions/withdraw': {
    profile: 'maintainer-or-publish-key',
    ok: 200,
    call: async () => {
      const consumer = fresh('probe');
      await made('POST', `/contracts/${CONTRACT}/usage/exclusions`, { consumer, reason: 'a synthetic probe' });
      return { path: `/contracts/${CONTRACT}/usage/exclusions/withdraw`, body: { consumer } };
    },
  },
  'POST /can-i-deploy': { profile: 'read', ok: 200, call: () => ({ path: '/can-i-deploy', body: { contract: CONTRACT, version: '1.0.0', environment: ENVIRONMENT } }) },

  // Checks and changelog
  'POST /contracts/{contract}/checks': { profile: 'member-or-checks-key', ok: 201, call: () => ({ path: `/contracts/${CONTRACT}/checks`, body: { version: '9.0.0', document: stockApi('9.0.0') } }) },
  'GET /contracts/{contract}/checks': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/checks` }) },
  'GET /contracts/{contract}/checks/{check}': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/checks/${world.check}` }) },
  'GET /contracts/{contract}/changelog': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/changelog` }) },
  'GET /contracts/{contract}/versions/{version}/changelog': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/versions/1.0.0/changelog` }) },

  // Waivers
  'GET /contracts/{contract}/waivers': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/waivers` }) },
  'POST /contracts/{contract}/waivers': {
    profile: 'member-or-waivers-key',
    ok: 201,
    call: () => ({ path: `/contracts/${CONTRACT}/waivers`, body: { rule: 'response-property-removed', operations: ['GET /stock/{sku}'], pointer: `/${fresh('pointer')}`, reason: 'matrix', expiresAt: inDays(10) } }),
  },
  'GET /waivers/{waiver}': { profile: 'read', ok: 200, call: () => ({ path: `/waivers/${world.waiver}` }) },
  'POST /waivers/{waiver}/approve': { profile: 'maintainer-or-waivers-key', ok: 200, call: async () => ({ path: `/waivers/${await freshWaiver()}/approve` }) },
  'POST /waivers/{waiver}/revoke': { profile: 'maintainer-or-waivers-key', ok: 200, call: async () => ({ path: `/waivers/${await freshWaiver()}/revoke` }) },

  // Governance and rulesets
  'GET /governance': { profile: 'read', ok: 200, call: () => ({ path: '/governance' }) },
  'GET /governance/contracts/{contract}': { profile: 'read', ok: 200, call: () => ({ path: `/governance/contracts/${CONTRACT}` }) },
  'GET /governance/teams/{team}': { profile: 'read', ok: 200, call: () => ({ path: `/governance/teams/${OWNERS}` }) },
  'GET /governance/domains/{domain}': { profile: 'read', ok: 200, call: () => ({ path: `/governance/domains/${DOMAIN}` }) },
  'GET /rulesets': { profile: 'read', ok: 200, call: () => ({ path: '/rulesets' }) },
  'POST /rulesets': { profile: 'admin-only', ok: 201, call: () => ({ path: '/rulesets', body: { name: fresh('rules'), text: 'extends: [accord-recommended]\n' } }) },
  'GET /rulesets/{ruleset}': { profile: 'read', ok: 200, call: () => ({ path: `/rulesets/${RULESET}` }) },
  'GET /rulesets/{ruleset}/versions': { profile: 'read', ok: 200, call: () => ({ path: `/rulesets/${RULESET}/versions` }) },
  'GET /ruleset-assignments': { profile: 'read', ok: 200, call: () => ({ path: '/ruleset-assignments' }) },
  // Assigned to fresh, empty teams, so no assignment changes how the matrix's contracts are linted.
  'POST /ruleset-assignments': {
    profile: 'admin-only',
    ok: 201,
    call: async () => ({ path: '/ruleset-assignments', body: { scope: 'team', target: (await made<{ slug: string }>('POST', '/teams', { slug: fresh('team'), name: 'Fresh team' })).slug, ruleset: RULESET } }),
  },
  'POST /ruleset-assignments/{assignment}/remove': {
    profile: 'admin-only',
    ok: 200,
    call: async () => {
      const team = (await made<{ slug: string }>('POST', '/teams', { slug: fresh('team'), name: 'Fresh team' })).slug;
      const assignment = await made('POST', '/ruleset-assignments', { scope: 'team', target: team, ruleset: RULESET });
      return { path: `/ruleset-assignments/${assignment.id}/remove` };
    },
  },
  'GET /contracts/{contract}/ruleset': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/ruleset` }) },

  // Subscriptions
  'GET /contracts/{contract}/subscriptions': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/subscriptions` }) },
  'POST /contracts/{contract}/subscriptions': {
    profile: 'member-or-subscriptions-key',
    ok: 201,
    call: async () => ({ path: `/contracts/${OTHERS_CONTRACT}/subscriptions`, body: { consumer: await freshSystem(OWNERS), range: '^1.0.0', operations: ['GET /stock/{sku}'] } }),
  },
  'GET /subscriptions/{subscription}': { profile: 'read', ok: 200, call: () => ({ path: `/subscriptions/${world.subscription}` }) },
  'POST /subscriptions/{subscription}/approve': { profile: 'maintainer-or-subscriptions-key', ok: 200, call: async () => ({ path: `/subscriptions/${await freshSubscription(OTHERS, CONTRACT)}/approve` }) },
  'POST /subscriptions/{subscription}/reject': { profile: 'maintainer-or-subscriptions-key', ok: 200, call: async () => ({ path: `/subscriptions/${await freshSubscription(OTHERS, CONTRACT)}/reject` }) },
  'POST /subscriptions/{subscription}/revoke': {
    profile: 'member-or-subscriptions-key',
    ok: 200,
    call: async () => {
      const id = await freshSubscription(OWNERS, OTHERS_CONTRACT);
      await made('POST', `/subscriptions/${id}/approve`);
      return { path: `/subscriptions/${id}/revoke` };
    },
  },

  // Environments and deployments
  'GET /environments': { profile: 'read', ok: 200, call: () => ({ path: '/environments' }) },
  'POST /environments': { profile: 'admin-only', ok: 201, call: () => ({ path: '/environments', body: { slug: fresh('env'), name: 'Fresh environment' } }) },
  'GET /environments/{environment}': { profile: 'read', ok: 200, call: () => ({ path: `/environments/${ENVIRONMENT}` }) },
  'PATCH /environments/{environment}': { profile: 'admin-only', ok: 200, call: () => ({ path: `/environments/${ENVIRONMENT}`, body: { description: fresh('described') } }) },
  'GET /deployments': { profile: 'read', ok: 200, call: () => ({ path: '/deployments' }) },
  'GET /contracts/{contract}/deployments': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/deployments` }) },
  'POST /contracts/{contract}/deployments': {
    profile: 'maintainer-or-publish-key',
    ok: 201,
    call: () => ({ path: `/contracts/${CONTRACT}/deployments`, body: { environment: ENVIRONMENT, version: '1.0.0', address: `https://${fresh('host')}.matrix.example` } }),
  },

  // Traffic: reported by the owning team's testers, read by whoever reads the catalog, objectives set by its maintainers
  'POST /traffic/windows': { profile: 'member-or-traffic-key', ok: 202, call: () => ({ path: '/traffic/windows', body: trafficWindow() }) },
  'GET /contracts/{contract}/traffic': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/traffic?env=${ENVIRONMENT}` }) },
  'GET /contracts/{contract}/mttr': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/mttr?env=${ENVIRONMENT}` }) },
  'GET /contracts/{contract}/runbook': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/runbook` }) },
  'GET /systems/{system}/runbooks/{contract}': { profile: 'read', ok: 200, call: () => ({ path: `/systems/${OWNERS_SYSTEM}/runbooks/${CONTRACT}` }) },
  'GET /incidents': { profile: 'read', ok: 200, call: () => ({ path: `/incidents?contract=${CONTRACT}` }) },
  'GET /contracts/{contract}/slos/{environment}': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/slos/${ENVIRONMENT}` }) },
  'PATCH /contracts/{contract}/slos/{environment}': { profile: 'maintainer-or-publish-key', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/slos/${ENVIRONMENT}`, body: { p95Ms: 200 + ++counter } }) },
  'GET /contracts/{contract}/slos/{environment}/prometheus-rules': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/slos/${ENVIRONMENT}/prometheus-rules` }) },
  'GET /contracts/{contract}/slos/{environment}/grafana-dashboard': { profile: 'read', ok: 200, call: () => ({ path: `/contracts/${CONTRACT}/slos/${ENVIRONMENT}/grafana-dashboard` }) },

  // Audit
  'GET /audit': { profile: 'admin-only', ok: 200, call: () => ({ path: '/audit' }) },
  'GET /audit/verify': { profile: 'admin-only', ok: 200, call: () => ({ path: '/audit/verify' }) },

  // Webhooks: configuration of the system's team, reading included
  'POST /systems/{system}/webhooks': { profile: 'maintainer-or-webhooks-key', ok: 201, call: async () => ({ path: `/systems/${await freshSystem(OWNERS)}/webhooks`, body: { url: 'http://127.0.0.1:9/matrix' } }) },
  'GET /systems/{system}/webhooks': { profile: 'maintainer-or-webhooks-key', ok: 200, call: () => ({ path: `/systems/${OWNERS_SYSTEM}/webhooks` }) },
  'GET /webhooks/{webhook}': { profile: 'maintainer-or-webhooks-key', ok: 200, call: () => ({ path: `/webhooks/${world.webhook}` }) },
  'POST /webhooks/{webhook}/disable': { profile: 'maintainer-or-webhooks-key', ok: 200, call: async () => ({ path: `/webhooks/${await freshWebhook()}/disable` }) },
  'POST /webhooks/{webhook}/rotate-secret': { profile: 'maintainer-or-webhooks-key', ok: 200, call: async () => ({ path: `/webhooks/${await freshWebhook()}/rotate-secret` }) },
  'GET /webhooks/{webhook}/deliveries': { profile: 'maintainer-or-webhooks-key', ok: 200, call: () => ({ path: `/webhooks/${world.webhook}/deliveries` }) },
  'POST /webhooks/{webhook}/test': { profile: 'maintainer-or-webhooks-key', ok: 202, call: async () => ({ path: `/webhooks/${await freshWebhook()}/test` }) },
};

/** Any property of any depth, and any call, answers itself: enough to build the route table's closures. */
const inert: unknown = new Proxy(function inert() {}, { get: () => inert, apply: () => inert });
const ROUTES: Route[] = apiRoutes(inert as Parameters<typeof apiRoutes>[0]);
const keyOf = (route: Pick<Route, 'method' | 'path'>) => `${route.method.toUpperCase()} ${route.path}`;
const matches = (template: string, path: string) => new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`).test(path.split('?')[0]!);

beforeAll(async () => {
  server = await startTestServer({
    env: {
      // The preparations publish far more than a person would in a minute.
      ACCORD_PUBLISH_RATE_LIMIT: '100000',
      // Webhooks point at a closed local port: each delivery fails at once and is not retried.
      ACCORD_WEBHOOK_ALLOW_PRIVATE: 'true',
      ACCORD_WEBHOOK_MAX_ATTEMPTS: '1',
      ACCORD_WEBHOOK_TIMEOUT_MS: '1000',
      // Open, so that a sign-up trying to make itself an administrator can be tried.
      ACCORD_SIGN_UP: 'true',
    },
  });
  await made('POST', '/teams', { slug: OWNERS, name: 'Owners' });
  await made('POST', '/teams', { slug: OTHERS, name: 'Others' });
  await made('POST', '/systems', { slug: OWNERS_SYSTEM, name: 'Owners app', team: OWNERS, domain: DOMAIN });
  await made('POST', '/systems', { slug: OTHERS_SYSTEM, name: 'Others app', team: OTHERS, domain: DOMAIN });
  for (const [slug, system] of [[CONTRACT, OWNERS_SYSTEM], [OTHERS_CONTRACT, OTHERS_SYSTEM], [SUNSET_CONTRACT, OWNERS_SYSTEM]] as const) {
    await made('POST', '/contracts', { slug, name: slug, system });
    await made('POST', `/contracts/${slug}/versions`, { version: '1.0.0', document: stockApi('1.0.0') });
  }
  await made('POST', '/environments', { slug: ENVIRONMENT, name: 'Matrix' });
  await made('POST', '/rulesets', { name: RULESET, text: 'extends: [accord-recommended]\n' });
  world.check = (await made('POST', `/contracts/${CONTRACT}/checks`, { version: '9.0.0', document: stockApi('9.0.0') })).id;
  world.waiver = await freshWaiver();
  world.subscription = await freshSubscription(OTHERS, CONTRACT);
  world.webhook = (await made('POST', `/systems/${OWNERS_SYSTEM}/webhooks`, { url: 'http://127.0.0.1:9/matrix' })).id;
  callers = await createCallers(server, { team: OWNERS, otherTeam: OTHERS });
});
afterAll(() => server?.close());

describe('the authorisation matrix', () => {
  it('has an expectation for every route, and no expectation for a route that does not exist', () => {
    const routes = ROUTES.map(keyOf);
    const unexpected = routes.filter((r) => !(r in EXPECTATIONS));
    const unrouted = Object.keys(EXPECTATIONS).filter((e) => !routes.includes(e));
    expect({ 'routes without an expectation': unexpected, 'expectations for no route': unrouted }).toEqual({ 'routes without an expectation': [], 'expectations for no route': [] });
  });

  for (const route of ROUTES.filter((r) => keyOf(r) in EXPECTATIONS)) {
    const key = keyOf(route);
    const { profile, ok, call } = EXPECTATIONS[key]!;
    it(`${key} answers each caller as ${profile} allows`, async () => {
      const expected: Partial<Record<Caller, string>> = {};
      const actual: Partial<Record<Caller, string>> = {};
      for (const caller of CALLERS) {
        const { path, body } = await call();
        expect(matches(route.path, path), `${key} prepared a call to ${path}`).toBe(true);
        const answer = await callers.call(caller, { method: route.method.toUpperCase(), path, body, scope: PROFILES[profile].scope });
        expected[caller] = expectedOutcome(profile, caller, ok);
        actual[caller] = answer.status < 300 ? String(answer.status) : `${answer.status} ${answer.body.code ?? ''}`;
      }
      expect(actual).toEqual(expected);
    });
  }
});

interface Problem {
  code: string;
  errors?: { pointer?: string }[];
}
const pointers = (body: unknown) => ((body as Problem).errors ?? []).map((e) => e.pointer).sort();
/** One request as a caller of the matrix; `scope` picks the owning team's key for the key callers. */
const as = <T = Record<string, unknown>>(caller: Caller, method: string, path: string, body?: unknown, scope: Scope = 'contracts:publish') =>
  callers.call(caller, { method, path, body, scope }) as Promise<{ status: number; body: T & { code?: string } }>;
const read = async <T>(path: string) => (await server.json<T>('GET', `/api/v1${path}`)).body;

describe('mass assignment', () => {
  it('refuses a contract that names its own owner, team, creator or id, and creates nothing', async () => {
    const slug = fresh('sneaky');
    const res = await as('maintainer', 'POST', '/contracts', { slug, name: 'Sneaky', system: OWNERS_SYSTEM, owner: OTHERS, team: OTHERS, createdBy: 'user:someone', id: '018f0000-0000-7000-8000-000000000000' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('invalid-input');
    expect(pointers(res.body)).toEqual(['/createdBy', '/id', '/owner', '/team']);
    expect((await server.json('GET', `/api/v1/contracts/${slug}`)).status).toBe(404);
  });

  it('refuses a contract patch that sets its version, latest version, id or creator, and changes nothing', async () => {
    const before = await read<Record<string, unknown>>(`/contracts/${CONTRACT}`);
    const res = await as('maintainer', 'PATCH', `/contracts/${CONTRACT}`, { description: 'patched', version: '9.9.9', latestVersion: '9.9.9', id: 'x', createdBy: 'user:someone', owner: OTHERS });
    expect(res.status).toBe(422);
    expect(pointers(res.body)).toEqual(['/createdBy', '/id', '/latestVersion', '/owner', '/version']);
    expect(await read(`/contracts/${CONTRACT}`)).toEqual(before);
  });

  it('refuses a publish that names who published it, and publishes nothing', async () => {
    const version = `1.${++counter}.0`;
    const res = await as('contracts:publish key', 'POST', `/contracts/${CONTRACT}/versions`, { version, document: stockApi(version), publishedBy: 'user:someone' });
    expect(res.status).toBe(422);
    expect(pointers(res.body)).toEqual(['/publishedBy']);
    expect((await server.json('GET', `/api/v1/contracts/${CONTRACT}/versions/${version}`)).status).toBe(404);
  });

  it('refuses a subscription request that sets its status or who requested or decided it', async () => {
    const consumer = await freshSystem(OWNERS);
    const res = await as('member', 'POST', `/contracts/${OTHERS_CONTRACT}/subscriptions`, { consumer, range: '^1.0.0', operations: ['GET /stock/{sku}'], status: 'approved', requestedBy: 'user:someone', decidedBy: 'user:someone' });
    expect(res.status).toBe(422);
    expect(pointers(res.body)).toEqual(['/decidedBy', '/requestedBy', '/status']);
    expect((await read<{ items: unknown[] }>(`/systems/${consumer}/subscriptions`)).items).toEqual([]);
  });

  it('refuses a subscription decision that names who decided, and leaves the subscription requested', async () => {
    const id = await freshSubscription(OTHERS, CONTRACT);
    const res = await as('maintainer', 'POST', `/subscriptions/${id}/approve`, { note: 'fine', decidedBy: `user:${callers.people.admin.id}`, status: 'approved' });
    expect(res.status).toBe(422);
    expect(pointers(res.body)).toEqual(['/decidedBy', '/status']);
    expect(await read(`/subscriptions/${id}`)).toMatchObject({ status: 'requested', decidedBy: null });
  });

  it('refuses a waiver request that sets its state or who requested or decided it', async () => {
    const res = await as('member', 'POST', `/contracts/${CONTRACT}/waivers`, {
      rule: 'response-property-removed',
      operations: ['GET /stock/{sku}'],
      pointer: `/${fresh('pointer')}`,
      reason: 'sneaky',
      expiresAt: inDays(10),
      state: 'active',
      requestedBy: 'user:someone',
      decidedBy: 'user:someone',
    });
    expect(res.status).toBe(422);
    expect(pointers(res.body)).toEqual(['/decidedBy', '/requestedBy', '/state']);
  });

  it('records the caller as the decider of a waiver, whatever the body of the decision says', async () => {
    const id = await freshWaiver();
    const res = await as<{ state: string; decidedBy: string }>('maintainer', 'POST', `/waivers/${id}/approve`, { decidedBy: `user:${callers.people.admin.id}`, state: 'revoked' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'active', decidedBy: `user:${callers.people.maintainer.id}` });
  });

  it('refuses a membership role that is not a team role, and a member promoting themselves', async () => {
    const { viewer, member } = callers.people;
    const admin = await as('maintainer', 'POST', `/teams/${OWNERS}/members`, { email: viewer.email, role: 'admin' });
    expect(admin.status).toBe(422);
    expect(pointers(admin.body)).toEqual(['/role']);
    const promoted = await as('member', 'POST', `/teams/${OWNERS}/members`, { email: member.email, role: 'maintainer' });
    expect(promoted.status).toBe(403);
    const members = await read<{ items: { email: string; role: string }[] }>(`/teams/${OWNERS}/members`);
    expect(members.items.filter((m) => m.email === member.email || m.email === viewer.email)).toEqual([expect.objectContaining({ email: member.email, role: 'member' })]);
  });

  it('lets nobody make themselves an administrator: not by the role route, the setup claim, sign-up or their profile', async () => {
    const { viewer, maintainer } = callers.people;
    expect((await as('maintainer', 'PATCH', `/users/${maintainer.id}`, { role: 'admin' })).status).toBe(403);
    const setup = await as('anonymous', 'POST', '/setup', { token: 'setup_guess', email: `${fresh('claim')}@matrix.example`, name: 'Claimer', password: 'a long enough password', role: 'admin' });
    expect(setup.status).toBe(422);
    expect(pointers(setup.body)).toEqual(['/role']);

    const auth = (path: string, body: object, cookie?: string) =>
      fetch(`${server.url}/api/auth/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url, ...(cookie && { cookie }) }, body: JSON.stringify(body) });
    const email = `${fresh('signup')}@matrix.example`;
    const signedUp = await auth('sign-up/email', { email, name: 'Sign Up', password: 'a long enough password', role: 'admin' });
    // better-auth drops the field it may not take from sign-up: the person exists, as a user.
    expect(signedUp.status).toBe(200);
    const cookie = await signIn(server, { email, password: 'a long enough password' });
    const profile = await auth('update-user', { name: 'Still Me', role: 'admin' }, cookie);
    expect(profile.status).toBe(400);

    for (const who of [cookie, viewer.cookie]) {
      const me = await server.json<{ user: { role: string } }>('GET', '/api/v1/me', undefined, { token: null, headers: { cookie: who } });
      expect(me.body.user.role).toBe('user');
    }
    expect((await server.json('GET', '/api/v1/audit', undefined, { token: null, headers: { cookie } })).status).toBe(403);
  });

  it("keeps a maintainer's keys to their own team and short of admin, with the maintainer recorded as creator", async () => {
    const name = fresh('key');
    expect((await as('maintainer', 'POST', '/api-keys', { name, team: OTHERS, scopes: ['contracts:publish'] })).status).toBe(403);
    expect((await as('maintainer', 'POST', '/api-keys', { name, team: OWNERS, scopes: ['admin'] })).status).toBe(403);
    expect((await as('maintainer', 'POST', '/api-keys', { name, scopes: ['contracts:publish'] })).status).toBe(403);
    const sneaky = await as('maintainer', 'POST', '/api-keys', { name, team: OWNERS, scopes: ['contracts:publish'], createdBy: 'user:someone', id: 'x' });
    expect(sneaky.status).toBe(422);
    expect(pointers(sneaky.body)).toEqual(['/createdBy', '/id']);
    const created = await as<{ id: string; key: string }>('maintainer', 'POST', '/api-keys', { name, team: OWNERS, scopes: ['contracts:publish'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ team: OWNERS, scopes: ['contracts:publish'], createdBy: `user:${callers.people.maintainer.id}`, custodian: { id: callers.people.maintainer.id }, suspension: null });
    // The key it made may not reach past its team either.
    const { key } = created.body;
    const elsewhere = await server.json('POST', `/api/v1/contracts/${OTHERS_CONTRACT}/deployments`, { environment: ENVIRONMENT, version: '1.0.0', address: 'https://elsewhere.example' }, { token: key });
    expect(elsewhere.status).toBe(403);
    // Nor may a maintainer revoke an installation-wide key; their own team's key they may, and it stops working.
    const installationWide = await made('POST', '/api-keys', { name: fresh('key'), scopes: ['admin'] });
    expect((await as('maintainer', 'POST', `/api-keys/${installationWide.id}/revoke`)).status).toBe(403);
    expect((await as('maintainer', 'POST', `/api-keys/${created.body.id}/revoke`)).status).toBe(200);
    expect((await server.json('GET', '/api/v1/me', undefined, { token: key })).status).toBe(401);
  });

  it("lets the consumer's maintainer ask for and revoke a subscription, but not approve it", async () => {
    const id = await freshSubscription(OWNERS, OTHERS_CONTRACT);
    expect((await as('maintainer', 'POST', `/subscriptions/${id}/approve`)).status).toBe(403);
    expect((await as('maintainer', 'POST', `/subscriptions/${id}/reject`)).status).toBe(403);
    expect(await read(`/subscriptions/${id}`)).toMatchObject({ status: 'requested' });
    expect((await as('maintainer', 'POST', `/subscriptions/${id}/revoke`)).status).toBe(200);
  });

  it('moves no system or contract to a team its maintainer does not manage', async () => {
    const system = await freshSystem(OWNERS);
    const contract = fresh('contract');
    await made('POST', '/contracts', { slug: contract, name: 'Movable', system });
    expect((await as('maintainer', 'PATCH', `/systems/${system}`, { team: OTHERS })).status).toBe(403);
    expect((await as('maintainer', 'PATCH', `/contracts/${contract}`, { system: OTHERS_SYSTEM })).status).toBe(403);
    expect((await as('contracts:publish key', 'PATCH', `/contracts/${contract}`, { system: OTHERS_SYSTEM })).status).toBe(403);
    expect((await as('maintainer', 'POST', '/systems', { slug: fresh('system'), name: 'Planted', team: OTHERS, domain: DOMAIN })).status).toBe(403);
    expect((await as('contracts:publish key', 'POST', '/contracts', { slug: fresh('contract'), name: 'Planted', system: OTHERS_SYSTEM })).status).toBe(403);
    expect(await read(`/systems/${system}`)).toMatchObject({ team: OWNERS });
    expect(await read(`/contracts/${contract}`)).toMatchObject({ system });
  });

  it('refuses webhook secrets, deployment recorders and fields teams, environments and rulesets do not have', async () => {
    const cases: [Caller, string, string, object, string[]][] = [
      ['maintainer', 'POST', `/systems/${OWNERS_SYSTEM}/webhooks`, { url: 'http://127.0.0.1:9/matrix', secret: 'whsec_mine', active: false, createdBy: 'user:someone' }, ['/active', '/createdBy', '/secret']],
      ['contracts:publish key', 'POST', `/contracts/${CONTRACT}/deployments`, { environment: ENVIRONMENT, version: '1.0.0', address: 'https://x.example', recordedBy: 'user:someone', id: 'x' }, ['/id', '/recordedBy']],
      ['maintainer', 'PATCH', `/teams/${OWNERS}`, { slug: 'renamed', id: 'x', createdBy: 'user:someone' }, ['/createdBy', '/id', '/slug']],
      ['maintainer', 'PATCH', `/systems/${OWNERS_SYSTEM}`, { slug: 'renamed', createdBy: 'user:someone' }, ['/createdBy', '/slug']],
      ['admin', 'POST', '/teams', { slug: fresh('team'), name: 'Team', owner: 'user:someone', createdBy: 'user:someone' }, ['/createdBy', '/owner']],
      ['admin', 'POST', '/environments', { slug: fresh('env'), name: 'Env', createdBy: 'user:someone' }, ['/createdBy']],
      ['admin', 'POST', '/rulesets', { name: fresh('rules'), text: 'extends: [accord-recommended]\n', version: 7, createdBy: 'user:someone' }, ['/createdBy', '/version']],
      ['admin', 'PATCH', `/users/${callers.people.viewer.id}`, { role: 'user', email: 'taken@matrix.example' }, ['/email']],
    ];
    for (const [caller, method, path, body, expected] of cases) {
      const res = await as(caller, method, path, body);
      expect({ path, status: res.status, pointers: pointers(res.body) }).toEqual({ path, status: 422, pointers: expected });
    }
  });

  it("lets a person write with their session only from the server's own origin", async () => {
    const { cookie } = callers.people.maintainer;
    const write = (headers: Record<string, string>) => server.json<Problem>('PATCH', `/api/v1/teams/${OWNERS}`, { description: 'from a cookie' }, { token: null, headers: { cookie, ...headers } });
    expect((await write({})).body.code).toBe('cross-origin-write');
    expect((await write({ origin: 'https://evil.example' })).body.code).toBe('cross-origin-write');
    expect((await write({ origin: server.url })).status).toBe(200);
  });
});

/**
 * Each GraphQL mutation with the REST route it stands for. A call prepared for the route (its path
 * parameters and body) becomes the mutation's variables, so both edges are asked the same question
 * by the same callers, and must give the same answer the route's profile gives.
 */
const GRAPHQL_MUTATIONS: Record<string, { route: string; signature: string; variables: (call: { params: Record<string, string>; body: Record<string, unknown> }) => Record<string, unknown> }> = {
  createTeam: { route: 'POST /teams', signature: '$input: TeamInput!', variables: ({ body }) => ({ input: body }) },
  updateTeam: { route: 'PATCH /teams/{team}', signature: '$slug: String!, $patch: TeamPatch!', variables: ({ params, body }) => ({ slug: params.team, patch: body }) },
  createSystem: { route: 'POST /systems', signature: '$input: SystemInput!', variables: ({ body }) => ({ input: body }) },
  updateSystem: { route: 'PATCH /systems/{system}', signature: '$slug: String!, $patch: SystemPatch!', variables: ({ params, body }) => ({ slug: params.system, patch: body }) },
  createContract: { route: 'POST /contracts', signature: '$input: ContractInput!', variables: ({ body }) => ({ input: body }) },
  updateContract: { route: 'PATCH /contracts/{contract}', signature: '$slug: String!, $patch: ContractPatch!', variables: ({ params, body }) => ({ slug: params.contract, patch: body }) },
  publishVersion: { route: 'POST /contracts/{contract}/versions', signature: '$input: PublishVersionInput!', variables: ({ params, body }) => ({ input: { contract: params.contract, ...body } }) },
  runCheck: { route: 'POST /contracts/{contract}/checks', signature: '$input: RunCheckInput!', variables: ({ params, body }) => ({ input: { contract: params.contract, ...body } }) },
  configureUsage: {
    route: 'PATCH /contracts/{contract}/usage/settings',
    signature: '$contract: String!, $patch: UsagePatch!',
    variables: ({ params, body }) => ({ contract: params.contract, patch: body }),
  },
  excludeUsageConsumer: {
    route: 'POST /contracts/{contract}/usage/exclusions',
    signature: '$contract: String!, $consumer: String!, $reason: String!',
    variables: ({ params, body }) => ({ contract: params.contract, ...body }),
  },
  includeUsageConsumer: {
    route: 'POST /contracts/{contract}/usage/exclusions/withdraw',
    signature: '$contract: String!, $consumer: String!',
    variables: ({ params, body }) => ({ contract: params.contract, ...body }),
  },
  deprecateContract: { route: 'POST /contracts/{contract}/deprecate', signature: '$input: DeprecateContractInput!', variables: ({ params, body }) => ({ input: { contract: params.contract, ...body } }) },
  deprecateVersion: {
    route: 'POST /contracts/{contract}/versions/{version}/deprecate',
    signature: '$input: DeprecateVersionInput!',
    variables: ({ params, body }) => ({ input: { contract: params.contract, version: params.version, ...body } }),
  },
  deprecateOperations: { route: 'POST /contracts/{contract}/operations/deprecate', signature: '$input: DeprecateOperationsInput!', variables: ({ params, body }) => ({ input: { contract: params.contract, ...body } }) },
  undeprecateOperations: { route: 'POST /contracts/{contract}/operations/undeprecate', signature: '$input: UndeprecateOperationsInput!', variables: ({ params, body }) => ({ input: { contract: params.contract, ...body } }) },
  requestSubscription: { route: 'POST /contracts/{contract}/subscriptions', signature: '$input: RequestSubscriptionInput!', variables: ({ params, body }) => ({ input: { contract: params.contract, ...body } }) },
  approveSubscription: { route: 'POST /subscriptions/{subscription}/approve', signature: '$id: ID!', variables: ({ params }) => ({ id: params.subscription }) },
  rejectSubscription: { route: 'POST /subscriptions/{subscription}/reject', signature: '$id: ID!', variables: ({ params }) => ({ id: params.subscription }) },
  revokeSubscription: { route: 'POST /subscriptions/{subscription}/revoke', signature: '$id: ID!', variables: ({ params }) => ({ id: params.subscription }) },
  requestWaiver: { route: 'POST /contracts/{contract}/waivers', signature: '$input: RequestWaiverInput!', variables: ({ params, body }) => ({ input: { contract: params.contract, ...body } }) },
  approveWaiver: { route: 'POST /waivers/{waiver}/approve', signature: '$id: ID!', variables: ({ params }) => ({ id: params.waiver }) },
  revokeWaiver: { route: 'POST /waivers/{waiver}/revoke', signature: '$id: ID!', variables: ({ params }) => ({ id: params.waiver }) },
  createEnvironment: { route: 'POST /environments', signature: '$input: EnvironmentInput!', variables: ({ body }) => ({ input: body }) },
  updateEnvironment: { route: 'PATCH /environments/{environment}', signature: '$slug: String!, $patch: EnvironmentPatch!', variables: ({ params, body }) => ({ slug: params.environment, patch: body }) },
  recordDeployment: { route: 'POST /contracts/{contract}/deployments', signature: '$input: RecordDeploymentInput!', variables: ({ params, body }) => ({ input: { contract: params.contract, ...body } }) },
  saveRuleset: { route: 'POST /rulesets', signature: '$input: RulesetInput!', variables: ({ body }) => ({ input: body }) },
  assignRuleset: { route: 'POST /ruleset-assignments', signature: '$input: RulesetAssignmentInput!', variables: ({ body }) => ({ input: body }) },
  unassignRuleset: { route: 'POST /ruleset-assignments/{assignment}/remove', signature: '$id: ID!', variables: ({ params }) => ({ id: params.assignment }) },
  createPerson: { route: 'POST /users', signature: '$input: PersonInput!', variables: ({ body }) => ({ input: body }) },
  setPersonRole: { route: 'PATCH /users/{user}', signature: '$id: ID!, $role: PersonRole!', variables: ({ params, body }) => ({ id: params.user, ...body }) },
  putTeamMember: { route: 'POST /teams/{team}/members', signature: '$team: String!, $email: String!, $role: TeamRole!', variables: ({ params, body }) => ({ team: params.team, ...body }) },
  removeTeamMember: { route: 'POST /teams/{team}/members/{user}/remove', signature: '$team: String!, $userId: ID!', variables: ({ params }) => ({ team: params.team, userId: params.user }) },
  createApiKey: { route: 'POST /api-keys', signature: '$input: ApiKeyInput!', variables: ({ body }) => ({ input: body }) },
  revokeApiKey: { route: 'POST /api-keys/{key}/revoke', signature: '$id: ID!', variables: ({ params }) => ({ id: params.key }) },
  createWebhook: { route: 'POST /systems/{system}/webhooks', signature: '$system: String!, $input: WebhookInput!', variables: ({ params, body }) => ({ system: params.system, input: body }) },
  disableWebhook: { route: 'POST /webhooks/{webhook}/disable', signature: '$id: ID!', variables: ({ params }) => ({ id: params.webhook }) },
  rotateWebhookSecret: { route: 'POST /webhooks/{webhook}/rotate-secret', signature: '$id: ID!', variables: ({ params }) => ({ id: params.webhook }) },
  testWebhook: { route: 'POST /webhooks/{webhook}/test', signature: '$id: ID!', variables: ({ params }) => ({ id: params.webhook }) },
};

/** The path parameters of a prepared call, named as the route template names them. */
function paramsOf(template: string, path: string): Record<string, string> {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const values = new RegExp(`^${template.replace(/\{\w+\}/g, '([^/]+)')}$`).exec(path.split('?')[0]!)!.slice(1);
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(values[i]!)]));
}

/** The operation for a mutation: its arguments are the signature's variables, and any selection does, since access is decided before it. */
const operationOf = (name: string, signature: string) => `mutation(${signature}) { ${name}(${signature.split(', ').map((v) => `${v.slice(1, v.indexOf(':'))}: ${v.slice(0, v.indexOf(':'))}`).join(', ')}) { __typename } }`;

describe('the authorisation matrix through GraphQL', () => {
  it('maps every mutation of the schema to a REST route of the matrix', () => {
    const mutations = Object.keys(accordSchema().getMutationType()!.getFields());
    const routes = ROUTES.map(keyOf);
    expect({ unmapped: mutations.filter((m) => !(m in GRAPHQL_MUTATIONS)), 'mapped but absent': Object.keys(GRAPHQL_MUTATIONS).filter((m) => !mutations.includes(m)) }).toEqual({ unmapped: [], 'mapped but absent': [] });
    expect(Object.values(GRAPHQL_MUTATIONS).map((m) => m.route).filter((route) => !routes.includes(route) || !(route in EXPECTATIONS))).toEqual([]);
  });

  for (const [name, { route, signature, variables }] of Object.entries(GRAPHQL_MUTATIONS)) {
    // A mutation mapped to no route fails the test above; here it asks nothing.
    const { profile, call }: Pick<Expectation, 'profile' | 'call'> = EXPECTATIONS[route] ?? { profile: 'public', call: () => ({ path: route }) };
    it(`${name} answers each caller as ${route} does (${profile})`, async () => {
      const template = route.slice(route.indexOf(' ') + 1);
      const expected: Partial<Record<Caller, string>> = {};
      const actual: Partial<Record<Caller, string>> = {};
      for (const caller of CALLERS) {
        const { path, body } = await call();
        const answer = await callers.graphql(caller, { query: operationOf(name, signature), variables: variables({ params: paramsOf(template, path), body: (body ?? {}) as Record<string, unknown> }), scope: PROFILES[profile].scope });
        const outcome = expectedOutcome(profile, caller, 200);
        expected[caller] = outcome === '200' ? 'allowed' : outcome.slice(outcome.indexOf(' ') + 1);
        actual[caller] = answer.body.errors?.length ? (answer.body.errors[0]!.extensions?.code ?? answer.body.errors[0]!.message) : 'allowed';
      }
      expect(actual).toEqual(expected);
    });
  }
});
