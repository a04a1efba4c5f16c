import { auditQuery, canIDeployQuestion, contractQuery, matrixQuery, rulesetAssignmentQuery, systemQuery, teamQuery, validateInput } from '../http/index.js';
import { analyseLandscape } from '../landscape/index.js';
import { NotFound } from '../shared/index.js';
import { connectionOf, pageRequestOf, type PageArgs } from './connection-of.js';
import { gated, present } from './gated.js';
import type { GraphqlContext } from './graphql-context.js';
import { landscapeGraphOf } from './landscape-graph-of.js';
import { liveLandscapeOf } from './live-landscape-of.js';

type Filter = Record<string, string | null | undefined>;

/** A missing thing named by a root field is null, as GraphQL clients expect; every other refusal stays an error. */
async function orNull<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotFound) return null;
    throw error;
  }
}

// Filters pass through REST's query shapes (page, cursor and text limits), so both edges accept the same.
/** The most `Governance.worst` names, whatever `first` asks. */
export const MAX_WORST = 100;

export const queryResolvers = {
  me: gated<object>('public', (_args, { services, actor }) => services.identity.people.me(actor)),

  contracts: gated<PageArgs & Filter>('read', ({ first, after, search, ...filter }, { services }) => {
    const query = validateInput(contractQuery, present({ ...filter, q: search }), 'query');
    const { limit: _limit, cursor: _cursor, ...counted } = query;
    return services.registry.contracts.list({ ...query, ...pageRequestOf({ first, after }) }).then((page) => connectionOf(page, (c) => c.slug, () => services.registry.contracts.count(counted)));
  }),
  contractFacets: gated<Filter>('read', ({ search, ...filter }, { services }) => {
    const { limit: _limit, cursor: _cursor, ...counted } = validateInput(contractQuery, present({ ...filter, q: search }), 'query');
    return services.registry.contracts.facets(counted);
  }),
  contract: gated<{ slug: string }>('read', ({ slug }, { loaders }) => loaders.contract.load(slug)),

  systems: gated<PageArgs & Filter>('read', ({ first, after, search, ...filter }, { services }) => {
    const query = validateInput(systemQuery, present({ ...filter, q: search }), 'query');
    const { limit: _limit, cursor: _cursor, ...counted } = query;
    return services.registry.systems.list({ ...query, ...pageRequestOf({ first, after }) }).then((page) => connectionOf(page, (s) => s.slug, () => services.registry.systems.count(counted)));
  }),
  system: gated<{ slug: string }>('read', ({ slug }, { loaders }) => loaders.system.load(slug)),

  teams: gated<PageArgs & Filter>('read', ({ first, after, search }, { services }) => {
    const query = validateInput(teamQuery, present({ q: search }), 'query');
    return services.registry.teams.list({ ...query, ...pageRequestOf({ first, after }) }).then((page) => connectionOf(page, (t) => t.slug, () => services.registry.teams.count(query)));
  }),
  team: gated<{ slug: string }>('read', ({ slug }, { loaders }) => loaders.team.load(slug)),

  subscription: gated<{ id: string }>('read', ({ id }, { services }) => orNull(() => services.registry.subscriptions.get(id))),
  waiver: gated<{ id: string }>('read', ({ id }, { services }) => orNull(() => services.registry.waivers.get(id))),
  check: gated<{ contract: string; id: string }>('read', ({ contract, id }, { services }) => orNull(() => services.registry.checks.get(contract, id))),

  environments: gated<object>('read', async (_args, { services }) => (await services.registry.environments.list()).items),
  deployments: gated<Filter>('read', async ({ environment, ...filter }, { services }) => {
    const matrix = await services.registry.deployments.matrix(validateInput(matrixQuery, present(filter), 'query'));
    return matrix.rows.flatMap((row) => Object.values(row.deployments).filter((d) => d !== null && (environment == null || d.environment === environment)));
  }),

  governance: gated<Filter>('read', async ({ team, domain }, { services }) => {
    const { governance } = services.registry;
    if (team != null) {
      const { team: name, scorecards, ...summary } = await governance.team(team);
      return { summary: { name, ...summary }, teams: [], domains: [], scorecards, worstCards: scorecards, scope: { team } };
    }
    if (domain != null) {
      const { domain: name, scorecards, ...summary } = await governance.domain(domain);
      return { summary: { name, ...summary }, teams: [], domains: [], scorecards, worstCards: scorecards, scope: { domain } };
    }
    const { teams, domains, worst, ...summary } = await governance.overview({ worst: MAX_WORST });
    return { summary: { name: '', ...summary }, teams: teams.map(({ team: name, ...s }) => ({ name, ...s })), domains: domains.map(({ domain: name, ...s }) => ({ name, ...s })), scorecards: [], worstCards: worst, scope: {} };
  }),

  rulesets: gated<object>('read', async (_args, { services }) => (await services.registry.rulesets.list()).items),
  ruleset: gated<{ name: string; version?: number | null }>('read', ({ name, version }, { services }) => orNull(() => services.registry.rulesets.get(name, version ?? undefined))),
  rulesetAssignments: gated<PageArgs & Filter>('read', async ({ first, after, ...filter }, { services }) => {
    const query = validateInput(rulesetAssignmentQuery, present(filter), 'query');
    return connectionOf(await services.registry.rulesets.assignments({ ...query, ...pageRequestOf({ first, after }) }), (a) => a.id, () => services.registry.rulesets.countAssignments(query));
  }),

  canIDeploy: gated<{ contract?: string | null; version?: string | null; system?: string | null; environment: string }>('read', (args, { services }) =>
    services.registry.canIDeploy.ask(validateInput(canIDeployQuestion, present(args) as object)),
  ),
  compare: gated<{ contract: string; from: string; to: string }>('read', ({ contract, from, to }, { services }) => services.registry.comparisons.compare(contract, from, to)),
  landscape: gated<Filter & { days?: number | null }>('read', async ({ domain, team, environment, days }, { services }) => {
    const landscape = await liveLandscapeOf(services, { domain, team, environment, days });
    return { ...landscape, analysis: analyseLandscape(landscapeGraphOf(landscape)) };
  }),

  audit: gated<PageArgs & Filter>('admin', async ({ first, after, ...filter }, { services, actor }) => {
    const query = validateInput(auditQuery, present(filter), 'query');
    return connectionOf(await services.registry.audit.query({ ...query, ...pageRequestOf({ first, after }) }, actor), (e) => e.seq, () => services.registry.audit.count(query, actor));
  }),
  auditVerification: gated<object>('admin', async (_args, { services, actor }) => {
    const verification = await services.registry.audit.verify(actor);
    return verification.ok ? { ...verification, firstBroken: null } : { ...verification, head: null };
  }),
  people: gated<PageArgs>('admin', async (page, { services, actor }) => connectionOf(await services.identity.people.list(pageRequestOf(page), actor), (p) => p.email, () => services.identity.people.count(actor))),
  webhook: gated<{ id: string }>('webhook.manage', ({ id }, { services, actor }) => orNull(() => services.webhooks.get(id, actor))),
} satisfies Record<string, (parent: unknown, args: never, context: GraphqlContext) => unknown>;
