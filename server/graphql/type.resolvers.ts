import type { GraphQLResolveInfo } from 'graphql';
import { gateRoute } from '../auth/index.js';
import type { LandscapeAnalysis } from '../landscape/index.js';
import { worstOf, type Contract, type ContractScorecard, type Subscription, type System, type Team, type VersionSummary, type Waiver, type Deployment, type Check, type Comparison } from '../registry/index.js';
import type { WebhookEndpoint } from '../notify/index.js';
import { NotFound, describeActor } from '../shared/index.js';
import { usageQuery, validateInput } from '../http/index.js';
import { asksOnly } from './asks-only.js';
import { connectionOf, keyedConnectionOf, pageRequestOf, type PageArgs } from './connection-of.js';
import type { GraphqlContext } from './graphql-context.js';
import { landscapeGraphOf } from './landscape-graph-of.js';
import type { LiveLandscape, LiveLandscapeEdge } from './live-landscape-of.js';
import { rangeOfLast } from './range-of-last.js';
import { renderRunbook } from '../runbook/index.js';
import type { Incident, LiveEdge, MeanTimeToRecover, Slo, TrafficFigures, TrafficReport } from '../traffic/index.js';
import { MAX_WORST } from './query.resolvers.js';

/** What the `governance` query hands its fields: every scorecard the worst may come from, and the scope waivers are read in. */
type GovernanceView = { worstCards: ContractScorecard[]; scope: { team?: string; domain?: string } };

type Resolver<Parent, Args = object> = (parent: Parent, args: Args, context: GraphqlContext, info: GraphQLResolveInfo) => unknown;
/** A landscape as the `landscape` root field answers it: with its analysis, which several fields read. */
type AnalysedLandscape = LiveLandscape & { analysis: LandscapeAnalysis };
type Finding = { id: string; operations?: string[] };
type Operation = { deprecated?: boolean; tags?: string[] };

/** A row of figures split into its name and its figures, as the schema nests them. */
const figuresOf = <T extends TrafficFigures>({ requests, errors, errorRate, p50Ms, p95Ms, p99Ms, violations, undocumented, ...rest }: T) => ({ ...rest, figures: { requests, errors, errorRate, p50Ms, p95Ms, p99Ms, violations, undocumented } });
const sloPaths = (slo: Slo) => {
  const base = `/api/v1/contracts/${encodeURIComponent(slo.contract)}/slos/${encodeURIComponent(slo.environment)}`;
  return { ...slo, prometheusRulesUrl: `${base}/prometheus-rules`, grafanaDashboardUrl: `${base}/grafana-dashboard` };
};
type DateArgs = { from?: Date | null; to?: Date | null };

const contractOf: Resolver<{ contract: string }> = ({ contract }, _args, { loaders }) => loaders.contract.load(contract);
const systemNamed = (slug: string, { loaders }: GraphqlContext) => loaders.system.load(slug);
/** The parts of a version a list leaves out, read for all versions of a page at once. */
const published = (v: VersionSummary, { loaders }: GraphqlContext) => loaders.publishedVersion.load({ contract: v.contract, version: v.version });
const documentOf = (v: VersionSummary, { loaders }: GraphqlContext) => loaders.document.load({ contract: v.contract, version: v.version });

/** Field resolvers of the object types: how each links to the others, both ways. */
export const typeResolvers = {
  Team: {
    systems: (async (team, { first, after }, { services }) => {
      const filter = { team: team.slug };
      return connectionOf(await services.registry.systems.list({ ...filter, ...pageRequestOf({ first, after }) }), (s) => s.slug, () => services.registry.systems.count(filter));
    }) satisfies Resolver<Team, PageArgs>,
    // Personal data: the same gate and the same service decision as GET /teams/{team}/members.
    members: ((team, _args, { services, actor, anonymousRead }) => {
      gateRoute('team.read', actor, { anonymousRead });
      return services.identity.memberships.list(team.slug, actor);
    }) satisfies Resolver<Team>,
    apiKeys: ((team, { includeRevoked }, { services, actor, anonymousRead }) => {
      gateRoute('team.manage', actor, { anonymousRead });
      return services.identity.apiKeys.list(team.slug, { includeRevoked }, actor);
    }) satisfies Resolver<Team, { includeRevoked: boolean }>,
    governance: (async (team, _args, { services }) => {
      const { team: name, scorecards, ...summary } = await services.registry.governance.team(team.slug);
      return { summary: { name, ...summary }, teams: [], domains: [], scorecards };
    }) satisfies Resolver<Team>,
  },

  System: {
    team: ((system, _args, { loaders }) => loaders.team.load(system.team)) satisfies Resolver<System>,
    contracts: (async (system, { first, after }, { services }) => {
      const filter = { system: system.slug };
      return connectionOf(await services.registry.contracts.list({ ...filter, ...pageRequestOf({ first, after }) }), (c) => c.slug, () => services.registry.contracts.count(filter));
    }) satisfies Resolver<System, PageArgs>,
    subscriptions: (async (system, { status, first, after }, { services }) => {
      const filter = { consumer: system.slug, ...(status != null && { status }) };
      return connectionOf(await services.registry.subscriptions.list({ ...filter, ...pageRequestOf({ first, after }) }), (s) => s.id, () => services.registry.subscriptions.count(filter));
    }) satisfies Resolver<System, PageArgs & { status?: Subscription['status'] | null }>,
    webhooks: (async (system, _args, { services, actor, anonymousRead }) => {
      gateRoute('webhook.manage', actor, { anonymousRead });
      return (await services.webhooks.list(system.slug, actor)).items;
    }) satisfies Resolver<System>,
    runbook: (async (system, { contract }, { services, actor }) => renderRunbook(await services.runbooks.ofEdge(system.slug, contract, actor))) satisfies Resolver<System, { contract: string }>,
  },

  Contract: {
    // A catalog asking only for the owners' slugs (and the domain) gets them from the contract's row.
    system: ((contract, _args, context, info) => (asksOnly(info, ['slug', 'domain']) ? { slug: contract.system, domain: contract.domain } : systemNamed(contract.system, context))) satisfies Resolver<Contract>,
    team: ((contract, _args, { loaders }, info) => (asksOnly(info, ['slug']) ? { slug: contract.team } : loaders.team.load(contract.team))) satisfies Resolver<Contract>,
    latest: ((contract, _args, { loaders }) => (contract.latestVersion === null ? null : loaders.publishedVersion.load({ contract: contract.slug, version: contract.latestVersion }))) satisfies Resolver<Contract>,
    version: (async (contract, { version }, { services }) => {
      try {
        return await services.registry.versions.getPublished(contract.slug, version);
      } catch (error) {
        if (error instanceof NotFound) return null;
        throw error;
      }
    }) satisfies Resolver<Contract, { version: string }>,
    versions: (async (contract, page, { services }) => keyedConnectionOf(await services.registry.versions.edges(contract.slug, pageRequestOf(page)), () => services.registry.versions.count(contract.slug))) satisfies Resolver<Contract, PageArgs>,
    consumers: (async (contract, _args, { loaders }) => (await loaders.approvedConsumers.load(contract.slug)).map((c) => c.system)) satisfies Resolver<Contract>,
    subscriptions: (async (contract, { status, first, after }, { services }) => {
      const filter = { contract: contract.slug, ...(status != null && { status }) };
      return connectionOf(await services.registry.subscriptions.list({ ...filter, ...pageRequestOf({ first, after }) }), (s) => s.id, () => services.registry.subscriptions.count(filter));
    }) satisfies Resolver<Contract, PageArgs & { status?: Subscription['status'] | null }>,
    deprecations: ((contract, _args, { services }) => services.registry.deprecations.get(contract.slug)) satisfies Resolver<Contract>,
    checks: (async (contract, page, { services }) => connectionOf(await services.registry.checks.list(contract.slug, pageRequestOf(page)), (c) => c.id, () => services.registry.checks.count(contract.slug))) satisfies Resolver<Contract, PageArgs>,
    waivers: (async (contract, { state, ...page }, { services }) =>
      connectionOf(await services.registry.waivers.list(contract.slug, { ...(state != null && { state }), ...pageRequestOf(page) }), (w) => w.id, () => services.registry.waivers.count(contract.slug, { ...(state != null && { state }) }))) satisfies Resolver<Contract, PageArgs & { state?: Waiver['state'] | null }>,
    deployments: (async (contract, page, { services }) => connectionOf(await services.registry.deployments.history(contract.slug, pageRequestOf(page)), (d) => d.id, () => services.registry.deployments.count(contract.slug))) satisfies Resolver<Contract, PageArgs>,
    usage: ((contract, { days, environment }, { services }) => {
      const query = validateInput(usageQuery, { ...(days != null && { days }), ...(environment != null && { env: environment }) }, 'query');
      return services.registry.usage.report(contract.slug, { days: query.days, environment: query.env });
    }) satisfies Resolver<Contract, { days?: number | null; environment?: string | null }>,
    usageSettings: ((contract, _args, { services }) => services.registry.usage.settings(contract.slug)) satisfies Resolver<Contract>,
    scorecard: (async (contract, _args, { loaders }) => {
      const card = await loaders.scorecard.load(contract.slug);
      if (!card) throw new NotFound(`contract "${contract.slug}"`);
      return card;
    }) satisfies Resolver<Contract>,
    ruleset: ((contract, _args, { services }) => services.registry.rulesets.effectiveFor(contract.slug)) satisfies Resolver<Contract>,
    changelog: ((contract, _args, { services }) => services.registry.changelog.entries(contract.slug)) satisfies Resolver<Contract>,
    traffic: (async (contract, { environment, last, ...dates }, { services }) => {
      const report: TrafficReport = await services.traffic.report(contract.slug, environment, rangeOfLast({ ...dates, last }, new Date()));
      const slo = await services.traffic.slos.get(contract.slug, environment);
      return {
        ...report,
        totals: report.totals,
        operations: report.operations.map(figuresOf),
        consumers: report.consumers.map(figuresOf),
        series: { stepSeconds: report.series.stepSeconds, points: report.series.points.map(figuresOf) },
        slo: sloPaths(slo),
      };
    }) satisfies Resolver<Contract, DateArgs & { environment: string; last?: string | null }>,
    incidents: (async (contract, { environment, open, first }, { loaders }) => {
      const limit = Math.min(Math.max(first ?? 20, 1), 100);
      return loaders.incidents({ ...(environment != null && { environment }), ...(open != null && { open }), limit }).load(contract.slug);
    }) satisfies Resolver<Contract, { environment?: string | null; open?: boolean | null; first?: number | null }>,
    meanTimeToRecover: (async (contract, { environment, from, to }, { services }) => {
      const mttr: MeanTimeToRecover & { from: Date; to: Date } = await services.traffic.meanTimeToRecover(contract.slug, { environment: environment ?? undefined, from: from ?? undefined, to: to ?? undefined });
      const recovery = ({ incidents, mttrMs, totalMs }: MeanTimeToRecover['overall']) => ({ incidents, mttrMs, totalMs });
      return {
        from: mttr.from,
        to: mttr.to,
        overall: recovery(mttr.overall),
        environments: mttr.environments.map((e) => ({ environment: e.environment, recovery: recovery(e) })),
        edges: mttr.edges.map((e) => ({ environment: e.environment, consumer: e.consumer, provider: e.provider, recovery: recovery(e) })),
      };
    }) satisfies Resolver<Contract, DateArgs & { environment?: string | null }>,
    slo: (async (contract, { environment }, { services }) => sloPaths(await services.traffic.slos.get(contract.slug, environment))) satisfies Resolver<Contract, { environment: string }>,
    runbook: (async (contract, _args, { services, actor }) => renderRunbook(await services.runbooks.ofContract(contract.slug, actor))) satisfies Resolver<Contract>,
  },

  Incident: {
    open: ((i) => i.resolvedAt === null) satisfies Resolver<Incident>,
  },

  Version: {
    contract: contractOf,
    operations: (async (v, _args, context) => ('operations' in v ? v.operations : ((await published(v, context))?.operations ?? []))) satisfies Resolver<VersionSummary & { operations?: unknown[] }>,
    findings: (async (v, _args, context) => ('findings' in v ? v.findings : ((await published(v, context))?.findings ?? []))) satisfies Resolver<VersionSummary & { findings?: unknown[] }>,
    document: (async (v, _args, context) => (await documentOf(v, context)).document) satisfies Resolver<VersionSummary>,
    source: (async (v, _args, context) => (await documentOf(v, context)).source) satisfies Resolver<VersionSummary>,
    sourceFormat: (async (v, _args, context) => (await documentOf(v, context)).sourceFormat) satisfies Resolver<VersionSummary>,
  },

  Operation: {
    deprecated: ((o) => o.deprecated ?? false) satisfies Resolver<Operation>,
    tags: ((o) => o.tags ?? []) satisfies Resolver<Operation>,
  },

  Finding: {
    rule: ((f) => f.id) satisfies Resolver<Finding>,
    operations: ((f) => f.operations ?? []) satisfies Resolver<Finding>,
    consumers: ((f) => (f as { consumers?: unknown[] }).consumers ?? []) satisfies Resolver<Finding>,
    details: ((f) => f) satisfies Resolver<Finding>,
  },

  Subscription: {
    contract: contractOf,
    consumer: ((s, _args, context) => systemNamed(s.consumer, context)) satisfies Resolver<Subscription>,
  },
  Deployment: {
    contract: contractOf,
    environment: ((d, _args, { services }) => services.registry.environments.get(d.environment)) satisfies Resolver<Deployment>,
  },
  // Checks stored before usage was observed carry neither field.
  Check: { contract: contractOf satisfies Resolver<Check>, observedConsumers: ((c) => c.observedConsumers ?? []) satisfies Resolver<Check>, usage: ((c) => c.usage ?? null) satisfies Resolver<Check> },
  UsageGating: { standard: 'standard', usage_aware: 'usage-aware' },
  DeployAnswer: { yes: 'yes', no: 'no', unknown: 'unknown' },
  Comparison: { contract: contractOf satisfies Resolver<Comparison> },
  Waiver: { contract: contractOf },

  Governance: {
    worst: ((g, { first }, { loaders }) => worstOf(g.worstCards, Math.min(Math.max(first, 0), MAX_WORST)).map((card) => loaders.contract.load(card.contract))) satisfies Resolver<GovernanceView, { first: number }>,
    expiringWaivers: ((g, { first }, { services }) => services.registry.waivers.expiring({ limit: Math.min(Math.max(first, 0), MAX_WORST), ...g.scope })) satisfies Resolver<GovernanceView, { first: number }>,
  },

  Webhook: {
    deliveries: (async (webhook, page, { services, actor }) => connectionOf(await services.webhooks.deliveries(webhook.id, pageRequestOf(page), actor), (d) => d.id, () => services.webhooks.countDeliveries(webhook.id, actor))) satisfies Resolver<WebhookEndpoint, PageArgs>,
  },

  Landscape: {
    systems: ((l, _args, context) => l.analysis.systems.map(({ slug, ...standing }) => ({ system: systemNamed(slug, context), ...standing }))) satisfies Resolver<AnalysedLandscape>,
    cycles: ((l) => l.analysis.cycles) satisfies Resolver<AnalysedLandscape>,
    pointToPointClusters: ((l) => l.analysis.pointToPointClusters) satisfies Resolver<AnalysedLandscape>,
    layout: (async (l, _args, { layouts, actor }) => {
      const { width, height, systems, domains, links } = await layouts.of(landscapeGraphOf(l), { caller: describeActor(actor) });
      const subscriptionOf = new Map(l.edges.map((e) => [e.id, e.subscription]));
      return { width, height, systems: systems.map(({ slug, ...box }) => ({ system: slug, ...box })), domains, edges: links.map(({ id, points }) => ({ edge: id, subscription: subscriptionOf.get(id) ?? null, points })) };
    }) satisfies Resolver<AnalysedLandscape>,
  },

  LandscapeEdge: {
    subscription: ((e, _args, { services }) => (e.subscription === null ? null : services.registry.subscriptions.get(e.subscription))) satisfies Resolver<LiveLandscapeEdge>,
    contract: contractOf,
    provider: ((e, _args, context) => systemNamed(e.provider, context)) satisfies Resolver<LiveLandscapeEdge>,
    consumer: ((e, _args, context) => systemNamed(e.consumer, context)) satisfies Resolver<LiveLandscapeEdge>,
  },

  EdgeLiveness: {
    figures: ((l) => l) satisfies Resolver<LiveEdge>,
    sloP95Ms: ((l) => l.slo.p95Ms) satisfies Resolver<LiveEdge>,
    sloErrorRate: ((l) => l.slo.errorRate) satisfies Resolver<LiveEdge>,
  },
};
