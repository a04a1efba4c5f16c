import { createHash } from 'node:crypto';
import type { LandscapeGraph } from './landscape-graph.js';
import { layOutLandscape, type LandscapeLayout } from './lay-out-landscape.js';

export interface LandscapeLayouts {
  /** The drawing of a landscape, laid out once per content and remembered; `caller` shares the layouts' workers fairly. */
  of(graph: LandscapeGraph, options?: { caller: string }): Promise<LandscapeLayout>;
  /** Layouts remembered now. */
  readonly size: number;
}

/**
 * The content a drawing depends on, in a fixed order, hashed. A changed system name, domain or
 * approved subscription changes the key, so nothing needs invalidating and instances sharing a
 * database never disagree: each lays out what it reads.
 */
export function landscapeKey({ systems, links }: LandscapeGraph): string {
  const content = {
    systems: systems.map(({ slug, name, domain }) => [slug, name, domain]).sort(([a], [b]) => (a! < b! ? -1 : 1)),
    links: links.map(({ id, consumer, provider }) => [id, consumer, provider]).sort(([a], [b]) => (a! < b! ? -1 : 1)),
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url');
}

/**
 * Layouts by content, the least recently used dropped past `maxEntries`. Requests for the same
 * landscape while it is being laid out wait for that one layout; a failed layout is forgotten.
 */
export function createLandscapeLayouts({
  maxEntries = 200,
  layOut = (graph) => layOutLandscape(graph),
}: {
  maxEntries?: number;
  /** The server passes its worker pool's, so a large landscape does not stall other requests. */
  layOut?: (graph: LandscapeGraph, options: { caller: string }) => Promise<LandscapeLayout>;
} = {}): LandscapeLayouts {
  const remembered = new Map<string, Promise<LandscapeLayout>>();
  return {
    of(graph, options = { caller: 'landscape' }) {
      const key = landscapeKey(graph);
      const known = remembered.get(key);
      if (known) {
        remembered.delete(key);
        remembered.set(key, known);
        return known;
      }
      // Sorted input gives the same drawing whichever order the database returned the rows in.
      const sorted: LandscapeGraph = { systems: [...graph.systems].sort((a, b) => (a.slug < b.slug ? -1 : 1)), links: [...graph.links].sort((a, b) => (a.id < b.id ? -1 : 1)) };
      const layout = layOut(sorted, options);
      remembered.set(key, layout);
      layout.catch(() => remembered.get(key) === layout && remembered.delete(key));
      if (remembered.size > maxEntries) remembered.delete(remembered.keys().next().value!);
      return layout;
    },
    get size() {
      return remembered.size;
    },
  };
}
