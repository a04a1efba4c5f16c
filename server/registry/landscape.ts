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
  provider: string;
  consumer: string;
  range: string;
  operations: string[];
}

/** The systems of a domain, the systems they trade with, and who uses what of whom. */
export interface Landscape {
  domain: string;
  /** The domain's systems first, then those outside it at the far end of an edge; each by slug. */
  nodes: System[];
  edges: LandscapeEdge[];
}

const systemColumns = { slug: systems.slug, name: systems.name, team: teams.slug, domain: systems.domain, description: systems.description, createdAt: systems.createdAt, updatedAt: systems.updatedAt };

/**
 * A domain's integration landscape: approved subscriptions that start or end in the domain. Three
 * reads whatever its size; the layout is the client's (or the catalog's) business.
 */
export function createLandscape({ db }: RegistryDeps) {
  return {
    async of(domain: string): Promise<Landscape> {
      const inDomain = await db.select(systemColumns).from(systems).innerJoin(teams, eq(teams.id, systems.teamId)).where(eq(systems.domain, domain)).orderBy(asc(systems.slug));
      if (inDomain.length === 0) throw new NotFound(`domain "${domain}"`);
      const edges = await db
        .select({ subscription: subscriptions.id, contract: contracts.slug, provider: providers.slug, consumer: consumers.slug, range: subscriptions.range, operations: subscriptions.operations })
        .from(subscriptions)
        .innerJoin(contracts, eq(contracts.id, subscriptions.contractId))
        .innerJoin(providers, eq(providers.id, contracts.systemId))
        .innerJoin(consumers, eq(consumers.id, subscriptions.consumerSystemId))
        .where(and(eq(subscriptions.status, 'approved'), or(eq(providers.domain, domain), eq(consumers.domain, domain))))
        .orderBy(asc(subscriptions.id));
      const known = new Set(inDomain.map((s) => s.slug));
      const outside = [...new Set(edges.flatMap((e) => [e.provider, e.consumer]))].filter((slug) => !known.has(slug));
      const neighbours = outside.length === 0 ? [] : await db.select(systemColumns).from(systems).innerJoin(teams, eq(teams.id, systems.teamId)).where(inArray(systems.slug, outside)).orderBy(asc(systems.slug));
      return { domain, nodes: [...inDomain, ...neighbours], edges };
    },
  };
}

export type LandscapeService = ReturnType<typeof createLandscape>;
