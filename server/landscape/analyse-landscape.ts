import type { LandscapeGraph } from './landscape-graph.js';
import { stronglyConnectedComponents } from './strongly-connected-components.js';

/** Where one system stands in its landscape. */
export interface SystemStanding {
  slug: string;
  /** Distinct systems that use this one. */
  fanIn: number;
  /** Distinct systems this one uses. */
  fanOut: number;
  /** Index into `cycles`, when the system is part of one. */
  cycle: number | null;
  /** Index into `pointToPointClusters`, when the system is part of one. */
  cluster: number | null;
}

export interface LandscapeAnalysis {
  systems: SystemStanding[];
  /** Systems that depend on each other in a circle, each set sorted by slug: none can change alone. */
  cycles: string[][];
  /** Meshes of direct calls between three or more systems, each sorted by slug. */
  pointToPointClusters: string[][];
}

const bySlug = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byFirst = (a: string[], b: string[]) => bySlug(a[0]!, b[0]!);

/**
 * Fan-in and fan-out of every system, the cycles (strongly connected components of "uses", or a
 * system using itself) and the point-to-point clusters: systems joined by direct OpenAPI calls
 * (event streams go through a broker and do not count) into a connected group of at least three
 * that is no mere chain or star, i.e. has at least as many connected pairs as systems, so some
 * system is reached by two paths. That mesh is the spaghetti an architect wants to see first.
 */
export function analyseLandscape({ systems, links }: LandscapeGraph): LandscapeAnalysis {
  const slugs = systems.map((s) => s.slug);
  const uses = new Map<string, Set<string>>(slugs.map((s) => [s, new Set()]));
  const usedBy = new Map<string, Set<string>>(slugs.map((s) => [s, new Set()]));
  const selfUse = new Set<string>();
  const calls = new Map<string, Set<string>>(slugs.map((s) => [s, new Set()]));
  for (const { consumer, provider, kind } of links) {
    if (consumer === provider) {
      selfUse.add(consumer);
      continue;
    }
    uses.get(consumer)?.add(provider);
    usedBy.get(provider)?.add(consumer);
    if (kind === 'openapi') {
      calls.get(consumer)?.add(provider);
      calls.get(provider)?.add(consumer);
    }
  }

  const successors = new Map([...uses].map(([slug, targets]) => [slug, [...targets].sort(bySlug)]));
  const cycles = stronglyConnectedComponents(slugs, successors)
    .filter((component) => component.length > 1 || selfUse.has(component[0]!))
    .map((component) => component.sort(bySlug))
    .sort(byFirst);

  const pointToPointClusters = connectedGroups(slugs, calls)
    .filter((group) => group.length >= 3 && pairsWithin(group, calls) >= group.length)
    .sort(byFirst);

  const memberOf = (groups: string[][]) => new Map(groups.flatMap((group, i) => group.map((slug) => [slug, i] as const)));
  const cycleOf = memberOf(cycles);
  const clusterOf = memberOf(pointToPointClusters);
  return {
    systems: slugs.map((slug) => ({ slug, fanIn: usedBy.get(slug)!.size, fanOut: uses.get(slug)!.size, cycle: cycleOf.get(slug) ?? null, cluster: clusterOf.get(slug) ?? null })),
    cycles,
    pointToPointClusters,
  };
}

/** Connected groups of an undirected graph, each sorted by slug. */
function connectedGroups(vertices: readonly string[], neighbours: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const start of vertices) {
    if (seen.has(start)) continue;
    seen.add(start);
    const group = [start];
    for (let i = 0; i < group.length; i++) {
      for (const next of neighbours.get(group[i]!) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          group.push(next);
        }
      }
    }
    groups.push(group.sort(bySlug));
  }
  return groups;
}

/** Distinct unordered pairs of systems that call each other, within a group. */
function pairsWithin(group: readonly string[], neighbours: ReadonlyMap<string, ReadonlySet<string>>): number {
  return group.reduce((sum, slug) => sum + (neighbours.get(slug)?.size ?? 0), 0) / 2;
}
