import { describe, expect, it } from 'vitest';
import { analyseLandscape } from './analyse-landscape.js';
import type { LandscapeGraph, LandscapeLink } from './landscape-graph.js';

const graph = (slugs: string[], links: [consumer: string, provider: string, kind?: LandscapeLink['kind']][]): LandscapeGraph => ({
  systems: slugs.map((slug) => ({ slug, name: slug, domain: 'd' })),
  links: links.map(([consumer, provider, kind = 'openapi'], i) => ({ id: `s${i}`, consumer, provider, kind })),
});
const standingOf = (g: LandscapeGraph, slug: string) => analyseLandscape(g).systems.find((s) => s.slug === slug)!;

describe('analyseLandscape', () => {
  it('counts distinct users as fan-in and distinct used systems as fan-out, however many contracts join them', () => {
    const g = graph(['a', 'b', 'c'], [['a', 'c'], ['a', 'c', 'asyncapi'], ['b', 'c']]);
    expect(standingOf(g, 'c')).toMatchObject({ fanIn: 2, fanOut: 0 });
    expect(standingOf(g, 'a')).toMatchObject({ fanIn: 0, fanOut: 1 });
  });

  it('finds systems that depend on each other in a circle, and leaves the chain leading into it out', () => {
    const { cycles, systems } = analyseLandscape(graph(['erp', 'mes', 'analytics', 'x'], [['mes', 'erp'], ['erp', 'mes', 'asyncapi'], ['analytics', 'mes', 'asyncapi'], ['x', 'analytics']]));
    expect(cycles).toEqual([['erp', 'mes']]);
    expect(systems.filter((s) => s.cycle === 0).map((s) => s.slug)).toEqual(['erp', 'mes']);
    expect(systems.find((s) => s.slug === 'analytics')!.cycle).toBeNull();
  });

  it('finds a cycle through many systems, and a system that uses itself', () => {
    const chain = Array.from({ length: 5_000 }, (_, i) => `s${String(i).padStart(4, '0')}`);
    const links = chain.map((slug, i) => [slug, chain[(i + 1) % chain.length]!] as [string, string]);
    const { cycles } = analyseLandscape(graph([...chain, 'loner'], [...links, ['loner', 'loner']]));
    expect(cycles.map((c) => c.length)).toEqual([1, 5_000]);
    expect(cycles[0]).toEqual(['loner']);
  });

  it('flags direct calls meshed between systems as a point-to-point cluster', () => {
    // Two tills and a web shop each call two back ends directly: some system is reached by two paths.
    const { pointToPointClusters, systems } = analyseLandscape(graph(['pos', 'e-commerce', 'inventory', 'loyalty', 'analytics'], [['pos', 'inventory'], ['e-commerce', 'inventory'], ['pos', 'loyalty'], ['e-commerce', 'loyalty'], ['analytics', 'inventory', 'asyncapi']]));
    expect(pointToPointClusters).toEqual([['e-commerce', 'inventory', 'loyalty', 'pos']]);
    expect(systems.find((s) => s.slug === 'analytics')!.cluster).toBeNull();
    expect(systems.find((s) => s.slug === 'pos')!.cluster).toBe(0);
  });

  it('leaves a star of callers, a chain and systems joined by events alone unflagged', () => {
    expect(analyseLandscape(graph(['hub', 'a', 'b', 'c'], [['a', 'hub'], ['b', 'hub'], ['c', 'hub']])).pointToPointClusters).toEqual([]);
    expect(analyseLandscape(graph(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['c', 'd']])).pointToPointClusters).toEqual([]);
    const events = graph(['a', 'b', 'c'], [['a', 'b', 'asyncapi'], ['b', 'c', 'asyncapi'], ['c', 'a', 'asyncapi']]);
    expect(analyseLandscape(events).pointToPointClusters).toEqual([]);
    expect(analyseLandscape(events).cycles).toEqual([['a', 'b', 'c']]);
  });
});
