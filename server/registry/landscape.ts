import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { NotFound } from '../shared/index.js';
import type { RegistryDeps, System } from './registry-types.js';
import { contracts, subscriptions, systems, teams } from './registry.tables.js';

const providers = alias(systems, 'provider');
const consumers = alias(systems, 'consumer');

/** One approved subscription seen as a line between two systems. */
export interface LandscapeEdge {
  subscription: string;
  contract: string;
  /** Whether the consumer calls the provider (openapi) or takes its events from a broker (asyncapi); null before a first version. */
  kind: 'openapi' | 'asyncapi' | null;
  provider: string;
  consumer: string;
  range: string;
  operations: string[];
}

/** The systems chosen by domain and team, the systems they trade with, and who uses what of whom. */
export interface Landscape {
  domain: string | null;
  team: string | null;
  /** The chosen systems first, then those outside the choice at the far end of an edge; each by slug. */
  nodes: System[];
  edges: LandscapeEdge[];
}

/** Which systems a landscape is drawn around: those of a domain, of a team, of both, or all. */
export interface LandscapeFilter {
  domain?: string | null;
  team?: string | null;
}

const systemColumns = { id: systems.id, slug: systems.slug, name: systems.name, team: teams.slug, domain: systems.domain, description: systems.description, createdAt: systems.createdAt, updatedAt: systems.updatedAt };

/**
 * An integration landscape: approved subscriptions that start or end at a chosen system. Three
 * reads whatever its size (four when a team named no system); the drawing is the landscape
 * module's business.
 */
export function createLandscape({ db }: RegistryDeps) {
  return {
    async of({ domain = null, team = null }: LandscapeFilter = {}): Promise<Landscape> {
      const chosen = await db
        .select(systemColumns)
        .from(systems)
        .innerJoin(teams, eq(teams.id, systems.teamId))
        .where(and(domain === null ? undefined : eq(systems.domain, domain), team === null ? undefined : eq(teams.slug, team)))
        .orderBy(asc(systems.slug));
      if (chosen.length === 0) {
        if (domain !== null && (await db.select({ id: systems.id }).from(systems).where(eq(systems.domain, domain)).limit(1)).length === 0) throw new NotFound(`domain "${domain}"`);
        if (team !== null && (await db.select({ id: teams.id }).from(teams).where(eq(teams.slug, team)).limit(1)).length === 0) throw new NotFound(`team "${team}"`);
        return { domain, team, nodes: [], edges: [] };
      }
      const ids = chosen.map((s) => s.id);
      const everything = domain === null && team === null;
      const edges = await db
        .select({ subscription: subscriptions.id, contract: contracts.slug, kind: contracts.kind, provider: providers.slug, consumer: consumers.slug, range: subscriptions.range, operations: subscriptions.operations })
        .from(subscriptions)
        .innerJoin(contracts, eq(contracts.id, subscriptions.contractId))
        .innerJoin(providers, eq(providers.id, contracts.systemId))
        .innerJoin(consumers, eq(consumers.id, subscriptions.consumerSystemId))
        .where(and(eq(subscriptions.status, 'approved'), everything ? undefined : or(inArray(providers.id, ids), inArray(consumers.id, ids))))
        .orderBy(asc(subscriptions.id));
      const known = new Set(chosen.map((s) => s.slug));
      const outside = [...new Set(edges.flatMap((e) => [e.provider, e.consumer]))].filter((slug) => !known.has(slug));
      const neighbours = outside.length === 0 ? [] : await db.select(systemColumns).from(systems).innerJoin(teams, eq(teams.id, systems.teamId)).where(inArray(systems.slug, outside)).orderBy(asc(systems.slug));
      return { domain, team, nodes: [...chosen, ...neighbours].map(({ id: _id, ...system }) => system), edges };
    },
  };
}

export type LandscapeService = ReturnType<typeof createLandscape>;
