import type { LandscapeGraph } from '../landscape/index.js';
import type { Landscape } from '../registry/index.js';

/** The part of a registry landscape its analysis and drawing depend on. */
export const landscapeGraphOf = ({ nodes, edges }: Landscape): LandscapeGraph => ({
  systems: nodes.map(({ slug, name, domain }) => ({ slug, name, domain })),
  links: edges.map(({ subscription, consumer, provider, kind }) => ({ id: subscription, consumer, provider, kind })),
});
