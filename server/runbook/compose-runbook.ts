import type { Identity } from '../auth/index.js';
import { openPolicyFindings, type Registry, type Subscription } from '../registry/index.js';
import { Forbidden, NotFound, Unauthenticated, type Actor, type Clock } from '../shared/index.js';
import type { LiveEdge, Traffic } from '../traffic/index.js';
import type { Dependency, OpenFinding, Party, Runbook } from './runbook.js';

export interface RunbookDeps {
  registry: Registry;
  traffic: Traffic;
  identity: Identity;
  clock: Clock;
}

/** How far back a runbook looks at traffic and incidents. */
const DAYS = 7;
const INCIDENTS = 20;
const ALL = { limit: 100 };

type RawFinding = { id?: string; level?: string; message?: string; pointer?: string | null; operations?: string[]; source?: string; waiver?: unknown };

const textOf = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : null);

/** `info.contact` of a normalised OpenAPI or AsyncAPI document, when it names anyone. */
function contactOf(document: unknown): Runbook['documentContact'] {
  const contact = (document as { info?: { contact?: Record<string, unknown> } } | null)?.info?.contact;
  if (typeof contact !== 'object' || contact === null) return null;
  const found = { name: textOf(contact.name), email: textOf(contact.email), url: textOf(contact.url) };
  return found.name || found.email || found.url ? found : null;
}

/**
 * Gathers a contract's runbook, or the runbook of one consumer's use of it. Contacts are personal
 * data: they appear only for a reader who may see the team's members, as GET /teams/{team}/members decides.
 */
export async function composeRunbook({ registry, traffic, identity, clock }: RunbookDeps, { contract: slug, consumer }: { contract: string; consumer?: string }, actor: Actor): Promise<Runbook> {
  const contract = await registry.contracts.get(slug);
  const partyOf = async (systemSlug: string): Promise<Party> => {
    const system = await registry.systems.get(systemSlug);
    const team = await registry.teams.get(system.team);
    const contacts = await identity.memberships.list(team.slug, actor).then(
      (members) => members.sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'maintainer' ? -1 : 1)).map(({ name, email, role }) => ({ name, email, role })),
      (error: unknown) => {
        if (error instanceof Forbidden || error instanceof Unauthenticated) return null;
        throw error;
      },
    );
    return { system: { slug: system.slug, name: system.name, domain: system.domain, description: system.description }, team: { slug: team.slug, name: team.name, description: team.description }, contacts };
  };
  const provider = await partyOf(contract.system);
  const consumerParty = consumer === undefined ? null : await partyOf(consumer);

  const environments = (await registry.environments.list()).items;
  const [matrix] = (await registry.deployments.matrix({ contract: slug })).rows;
  const deployments = environments.flatMap((e) => {
    const d = matrix?.deployments[e.slug];
    return d ? [{ environment: e.slug, version: d.version, address: d.address, deployedAt: d.deployedAt }] : [];
  });
  const slos = await Promise.all(environments.map((e) => traffic.slos.get(slug, e.slug)));

  const downstreamDeclared = (await registry.subscriptions.list({ contract: slug, status: 'approved', ...ALL })).items;
  const upstreamDeclared = (await registry.subscriptions.list({ consumer: contract.system, status: 'approved', ...ALL })).items;
  const declared = [...downstreamDeclared, ...upstreamDeclared].map(({ contract, consumer }) => ({ contract, consumer }));
  if (consumer !== undefined) declared.push({ contract: slug, consumer });
  const live: LiveEdge[] = (await Promise.all(environments.map((e) => traffic.liveEdges({ environment: e.slug, days: DAYS, declared })))).flat();
  const dependencies = (subscribed: Subscription[], observed: LiveEdge[]): Dependency[] => {
    const items = new Map<string, Dependency>();
    for (const s of subscribed) items.set(`${s.contract}\n${s.consumer}`, { contract: s.contract, provider: '', consumer: s.consumer, declared: true, range: s.range, operations: s.operations });
    for (const l of observed.filter((l) => l.observed)) {
      const key = `${l.contract}\n${l.consumer}`;
      const known = items.get(key);
      if (known) known.provider = l.provider;
      else items.set(key, { contract: l.contract, provider: l.provider, consumer: l.consumer, declared: false, range: null, operations: l.operations });
    }
    return [...items.values()].sort((a, b) => a.contract.localeCompare(b.contract) || a.consumer.localeCompare(b.consumer));
  };
  const downstream = dependencies(downstreamDeclared, live.filter((l) => l.contract === slug)).map((d) => ({ ...d, provider: contract.system }));
  const upstreamProviders = new Map((await registry.contracts.getMany([...new Set(upstreamDeclared.map((s) => s.contract))])).map((c) => [c.slug, c.system]));
  const upstream = dependencies(upstreamDeclared, live.filter((l) => l.consumer === contract.system)).map((d) => ({ ...d, provider: d.provider || upstreamProviders.get(d.contract) || '' }));

  const incidents = (await traffic.incidents.list({ contract: slug, limit: INCIDENTS })).filter((i) => consumer === undefined || i.consumers.length === 0 || i.consumers.includes(consumer));
  const recovery = await traffic.meanTimeToRecover(slug, {});
  const [card] = await registry.governance.contracts([slug]);
  const latest = contract.latestVersion === null ? null : await registry.versions.getPublished(slug, contract.latestVersion).catch((error: unknown) => (error instanceof NotFound ? null : Promise.reject(error)));
  const items: OpenFinding[] = openPolicyFindings((latest?.findings ?? []) as RawFinding[])
    .filter((f) => f.level === 'error' || f.level === 'warn')
    .sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1))
    .map((f) => ({ rule: f.id ?? 'unknown', level: f.level!, message: f.message ?? '', pointer: f.pointer ?? null, operations: f.operations ?? [] }));
  const documentContact = contract.latestVersion === null ? null : contactOf((await registry.versions.get(slug, contract.latestVersion)).document);
  const waivers = (await registry.waivers.list(slug, { state: 'active', ...ALL })).items.map(({ id, rule, message, reason, expiresAt }) => ({ id, rule, message, reason, expiresAt }));

  let edge: Runbook['edge'] = null;
  if (consumer !== undefined && consumerParty) {
    const subscriptions = (await registry.subscriptions.list({ contract: slug, consumer, ...ALL })).items;
    const subscription = subscriptions.find((s) => s.status === 'approved') ?? subscriptions[0] ?? null;
    edge = {
      consumer: consumerParty,
      subscription: subscription && { id: subscription.id, range: subscription.range, operations: subscription.operations, status: subscription.status },
      live: live.filter((l) => l.contract === slug && l.consumer === consumer),
    };
  }

  const path = `/api/v1/contracts/${encodeURIComponent(slug)}/slos`;
  return {
    contract: { slug, name: contract.name, kind: contract.kind, lifecycle: contract.lifecycle, sunsetAt: contract.sunsetAt, latestVersion: contract.latestVersion, description: contract.description },
    documentContact,
    provider,
    edge,
    deployments,
    slos,
    upstream,
    downstream,
    incidents,
    recovery,
    findings: { version: contract.latestVersion, open: card?.open ?? { errors: 0, warnings: 0 }, items },
    waivers,
    monitoring: environments.map((e) => ({ environment: e.slug, prometheusRules: `${path}/${encodeURIComponent(e.slug)}/prometheus-rules`, grafanaDashboard: `${path}/${encodeURIComponent(e.slug)}/grafana-dashboard` })),
    generatedAt: clock.now(),
  };
}
