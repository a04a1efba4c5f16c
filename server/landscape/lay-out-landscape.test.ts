import { describe, expect, it } from 'vitest';
import type { LandscapeGraph } from './landscape-graph.js';
import { createLandscapeLayouts, landscapeKey } from './landscape-layouts.js';
import { layOutLandscape, type Box } from './lay-out-landscape.js';

const seeded: LandscapeGraph = {
  systems: [
    { slug: 'pos', name: 'Point of Sale', domain: 'retail' },
    { slug: 'inventory', name: 'Inventory Service', domain: 'retail' },
    { slug: 'e-commerce', name: 'Web Shop', domain: 'retail' },
    { slug: 'analytics', name: 'Analytics Platform', domain: 'analytics' },
    { slug: 'erp', name: 'ERP', domain: 'manufacturing' },
    { slug: 'mes', name: 'Manufacturing Execution System', domain: 'manufacturing' },
  ],
  links: [
    { id: 'a1', consumer: 'pos', provider: 'inventory', kind: 'openapi' },
    { id: 'a2', consumer: 'e-commerce', provider: 'inventory', kind: 'openapi' },
    { id: 'a3', consumer: 'analytics', provider: 'inventory', kind: 'asyncapi' },
    { id: 'a4', consumer: 'mes', provider: 'erp', kind: 'openapi' },
    { id: 'a5', consumer: 'erp', provider: 'mes', kind: 'asyncapi' },
    { id: 'a6', consumer: 'analytics', provider: 'mes', kind: 'asyncapi' },
  ],
};

const inside = (inner: Box, outer: Box) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const near = (p: { x: number; y: number }, box: Box) => p.x >= box.x - 1 && p.x <= box.x + box.width + 1 && p.y >= box.y - 1 && p.y <= box.y + box.height + 1;

describe('layOutLandscape', () => {
  it('puts every system inside its domain box, no two boxes overlapping, all within the drawing', async () => {
    const layout = await layOutLandscape(seeded);
    expect(layout.domains.map((d) => d.domain)).toEqual(['analytics', 'manufacturing', 'retail']);
    const drawing = { x: 0, y: 0, width: layout.width, height: layout.height };
    for (const system of seeded.systems) {
      const box = layout.systems.find((s) => s.slug === system.slug)!;
      expect(inside(box, layout.domains.find((d) => d.domain === system.domain)!), `${system.slug} in ${system.domain}`).toBe(true);
    }
    for (const [i, a] of layout.domains.entries()) {
      expect(inside(a, drawing)).toBe(true);
      for (const b of layout.domains.slice(i + 1)) expect(overlap(a, b), `${a.domain} and ${b.domain}`).toBe(false);
    }
  });

  it('routes each subscription from its consumer to its provider, users left of what they use', async () => {
    const layout = await layOutLandscape(seeded);
    const box = (slug: string) => layout.systems.find((s) => s.slug === slug)!;
    expect(layout.links.map((l) => l.id).sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    for (const link of seeded.links) {
      const { points } = layout.links.find((l) => l.id === link.id)!;
      expect(points.length).toBeGreaterThanOrEqual(2);
      expect(near(points[0]!, box(link.consumer)), `${link.id} starts at ${link.consumer}`).toBe(true);
      expect(near(points.at(-1)!, box(link.provider)), `${link.id} ends at ${link.provider}`).toBe(true);
    }
    expect(box('pos').x).toBeLessThan(box('inventory').x);
  });
});

describe('createLandscapeLayouts', () => {
  it('lays out a landscape once for the same content, whatever order its rows came in', async () => {
    const layouts = createLandscapeLayouts();
    const first = await layouts.of(seeded);
    const again = await layouts.of({ systems: [...seeded.systems].reverse(), links: [...seeded.links].reverse() });
    expect(again).toBe(first);
    expect(layouts.size).toBe(1);
  });

  it('draws again when a subscription or a system name changes', async () => {
    const layouts = createLandscapeLayouts();
    const first = await layouts.of(seeded);
    const fewer = await layouts.of({ ...seeded, links: seeded.links.slice(1) });
    expect(fewer).not.toBe(first);
    expect(fewer.links).toHaveLength(5);
    const renamed = { ...seeded, systems: seeded.systems.map((s) => (s.slug === 'erp' ? { ...s, name: 'Enterprise Resource Planning (SAP S/4)' } : s)) };
    expect(landscapeKey(renamed)).not.toBe(landscapeKey(seeded));
    expect((await layouts.of(renamed)).systems.find((s) => s.slug === 'erp')!.width).toBeGreaterThan(first.systems.find((s) => s.slug === 'erp')!.width);
  });

  it('forgets the least recently used layout past its size', async () => {
    const layouts = createLandscapeLayouts({ maxEntries: 2 });
    const first = await layouts.of(seeded);
    await layouts.of({ ...seeded, links: seeded.links.slice(1) });
    await layouts.of(seeded);
    await layouts.of({ ...seeded, links: seeded.links.slice(2) });
    expect(layouts.size).toBe(2);
    expect(await layouts.of(seeded)).toBe(first);
  });
});
