import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

interface Answer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}
type Box = { x: number; y: number; width: number; height: number };
interface LandscapeAnswer {
  landscape: {
    domain: string | null;
    team: string | null;
    nodes: { slug: string }[];
    edges: { subscription: { id: string }; consumer: { slug: string }; provider: { slug: string } }[];
    systems: { system: { slug: string }; fanIn: number; fanOut: number; cycle: number | null; cluster: number | null }[];
    cycles: string[][];
    pointToPointClusters: string[][];
    layout: { width: number; height: number; systems: (Box & { system: string })[]; domains: (Box & { domain: string })[]; edges: { subscription: string; points: { x: number; y: number }[] }[] };
  };
}

const LANDSCAPE = `query($domain: String, $team: String) {
  landscape(domain: $domain, team: $team) {
    domain team
    nodes { slug }
    edges { subscription { id } consumer { slug } provider { slug } }
    systems { system { slug } fanIn fanOut cycle cluster }
    cycles pointToPointClusters
    layout { width height systems { system x y width height } domains { domain x y width height } edges { subscription points { x y } } }
  }
}`;

describe('the landscape through GraphQL over the seeded registry', () => {
  let server: TestServer;
  const graphql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const res = await server.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as Answer<T>;
  };
  const landscape = async (variables: { domain?: string; team?: string } = {}) => {
    const answer = await graphql<LandscapeAnswer>(LANDSCAPE, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data!.landscape;
  };

  beforeAll(async () => {
    server = await startTestServer({ seed: true });
  }, 180_000);
  afterAll(() => server?.close());

  it('draws the whole registry with a box for each domain around its systems and a route for each approved subscription', async () => {
    const { nodes, edges, layout } = await landscape();
    expect(layout.domains.map((d) => d.domain).sort()).toEqual(['analytics', 'banking', 'manufacturing', 'retail']);
    expect(layout.systems.map((s) => s.system).sort()).toEqual(nodes.map((n) => n.slug).sort());
    expect(layout.edges.map((e) => e.subscription).sort()).toEqual(edges.map((e) => e.subscription.id).sort());
    const erp = layout.systems.find((s) => s.system === 'erp')!;
    const manufacturing = layout.domains.find((d) => d.domain === 'manufacturing')!;
    expect(erp.x).toBeGreaterThanOrEqual(manufacturing.x);
    expect(erp.x + erp.width).toBeLessThanOrEqual(manufacturing.x + manufacturing.width);
    for (const route of layout.edges) expect(route.points.length).toBeGreaterThanOrEqual(2);
  });

  it('flags the ERP and MES that use each other as a cycle, and the meshed retail calls as a point-to-point cluster', async () => {
    const { cycles, pointToPointClusters, systems } = await landscape();
    expect(cycles).toEqual([['erp', 'mes']]);
    expect(pointToPointClusters).toEqual([['e-commerce', 'inventory', 'loyalty', 'pos']]);
    const analytics = systems.find((s) => s.system.slug === 'analytics')!;
    expect(analytics).toMatchObject({ fanIn: 0, fanOut: 2, cycle: null, cluster: null });
    expect(systems.find((s) => s.system.slug === 'mes')).toMatchObject({ fanIn: 2, fanOut: 1, cycle: 0 });
  });

  it("draws a team's systems and their neighbours, and a domain and team together", async () => {
    const supply = await landscape({ team: 'supply-chain' });
    expect(supply.team).toBe('supply-chain');
    expect(supply.nodes.slice(0, 2).map((n) => n.slug)).toEqual(['erp', 'inventory']);
    expect(supply.nodes.map((n) => n.slug)).toEqual(expect.arrayContaining(['pos', 'e-commerce', 'mes']));
    expect(supply.nodes.map((n) => n.slug)).not.toContain('core-banking');
    const retailSupply = await landscape({ domain: 'retail', team: 'supply-chain' });
    expect(retailSupply.nodes.map((n) => n.slug)).toEqual(['inventory', 'e-commerce', 'pos']);
    expect(retailSupply.layout.domains.map((d) => d.domain)).toEqual(['retail']);
  });

  it('names an unknown domain or team as not found', async () => {
    for (const variables of [{ domain: 'nowhere' }, { team: 'nobody' }]) {
      const answer = await graphql<LandscapeAnswer>(LANDSCAPE, variables);
      expect(answer.errors?.[0]?.extensions?.code).toBe('not-found');
      expect(answer.errors?.[0]?.message).toContain(Object.values(variables)[0]);
    }
  });

  it('gives the same drawing while nothing changes, and a new one once a subscription is approved', async () => {
    const before = await landscape({ domain: 'retail' });
    expect((await landscape({ domain: 'retail' })).layout).toEqual(before.layout);
    const requested = await graphql<{ contract: { subscriptions: { edges: { node: { id: string; consumer: { slug: string } } }[] } } }>(
      '{ contract(slug: "inventory-stock-events") { subscriptions(status: requested) { edges { node { id consumer { slug } } } } } }',
    );
    const pending = requested.data!.contract.subscriptions.edges.map((e) => e.node).find((s) => s.consumer.slug === 'analytics')!;
    const approved = await graphql<{ approveSubscription: { status: string } }>('mutation($id: ID!) { approveSubscription(id: $id) { status } }', { id: pending.id });
    expect(approved.errors).toBeUndefined();
    const after = await landscape({ domain: 'retail' });
    expect(after.layout.edges.map((e) => e.subscription)).toContain(pending.id);
    expect(before.layout.edges.map((e) => e.subscription)).not.toContain(pending.id);
    expect(after.systems.find((s) => s.system.slug === 'inventory')!.fanIn).toBe(before.systems.find((s) => s.system.slug === 'inventory')!.fanIn + 1);
  });
});
