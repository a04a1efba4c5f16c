import type { Landscape, LandscapeFilter, Registry } from '../registry/index.js';
import { InvalidInput } from '../shared/index.js';
import type { LiveEdge, Traffic } from '../traffic/index.js';

/** A line of the live landscape: declared by an approved subscription, observed in traffic, or both. */
export interface LiveLandscapeEdge {
  id: string;
  subscription: string | null;
  contract: string;
  kind: 'openapi' | 'asyncapi' | null;
  provider: string;
  consumer: string;
  range: string | null;
  operations: string[];
  declared: boolean;
  observed: boolean;
  live: LiveEdge | null;
}

export interface LiveLandscape extends Omit<Landscape, 'edges'> {
  environment: string | null;
  days: number;
  edges: LiveLandscapeEdge[];
}

const MAX_DAYS = 90;

/**
 * The registry's landscape with, when an environment is chosen, the edges its traffic showed:
 * declared ∪ observed, each with its health. An observed edge belongs to the landscape as a
 * subscription would: when it starts or ends at a chosen system.
 */
export async function liveLandscapeOf({ registry, traffic }: { registry: Registry; traffic: Traffic }, { domain = null, team = null, environment = null, days = 7 }: LandscapeFilter & { environment?: string | null; days?: number | null }): Promise<LiveLandscape> {
  const span = days ?? 7;
  if (!Number.isInteger(span) || span < 1 || span > MAX_DAYS) throw new InvalidInput(`days must be a whole number from 1 to ${MAX_DAYS}`, [{ pointer: '/days', message: `not within 1..${MAX_DAYS}` }]);
  const landscape = await registry.landscape.of({ domain, team });
  const declared: LiveLandscapeEdge[] = landscape.edges.map((e) => ({ ...e, id: e.subscription, declared: true, observed: false, live: null }));
  if (environment === null) return { ...landscape, environment, days: span, edges: declared };

  const isChosen = (s: { domain: string; team: string }) => (domain === null || s.domain === domain) && (team === null || s.team === team);
  const chosen = new Set(landscape.nodes.filter(isChosen).map((n) => n.slug));
  const live = await traffic.liveEdges({ environment, days: span, declared: declared.map(({ contract, consumer }) => ({ contract, consumer })) });
  const liveOf = new Map(live.map((l) => [`${l.contract}\n${l.consumer}`, l]));
  const edges = declared.map((e) => {
    const l = liveOf.get(`${e.contract}\n${e.consumer}`) ?? null;
    return { ...e, observed: l?.observed ?? false, live: l };
  });
  const known = new Set(edges.map((e) => `${e.contract}\n${e.consumer}`));
  const everything = domain === null && team === null;
  const observedOnly = live.filter((l) => l.observed && !known.has(`${l.contract}\n${l.consumer}`) && (everything || chosen.has(l.provider) || chosen.has(l.consumer)));
  const present = new Set(landscape.nodes.map((n) => n.slug));
  const missing = [...new Set(observedOnly.flatMap((l) => [l.provider, l.consumer]))].filter((slug) => !present.has(slug));
  const neighbours = missing.length === 0 ? [] : await registry.systems.getMany(missing);
  return {
    ...landscape,
    environment,
    days: span,
    nodes: [...landscape.nodes, ...neighbours.sort((a, b) => a.slug.localeCompare(b.slug))],
    edges: [
      ...edges,
      ...observedOnly.map((l) => ({ id: `observed:${l.contract}:${l.consumer}`, subscription: null, contract: l.contract, kind: l.kind, provider: l.provider, consumer: l.consumer, range: null, operations: l.operations, declared: false, observed: true, live: l })),
    ],
  };
}
