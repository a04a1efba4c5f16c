import type { LandscapeGraph } from '../landscape/index.js';
import type { LiveLandscape } from './live-landscape-of.js';

/** The part of a landscape its analysis and drawing depend on. */
export const landscapeGraphOf = ({ nodes, edges }: Pick<LiveLandscape, 'nodes' | 'edges'>): LandscapeGraph => ({
  systems: nodes.map(({ slug, name, domain }) => ({ slug, name, domain })),
  links: edges.map(({ id, consumer, provider, kind }) => ({ id, consumer, provider, kind })),
});
