/** A system as the landscape draws it: a box labelled with its name, inside its domain's box. */
export interface LandscapeSystem {
  slug: string;
  name: string;
  domain: string;
}

/**
 * One approved subscription: the consumer uses the provider's contract. `kind` tells a direct call
 * (an OpenAPI contract) from an event stream through a broker (AsyncAPI); null before a first version.
 */
export interface LandscapeLink {
  id: string;
  consumer: string;
  provider: string;
  kind: 'openapi' | 'asyncapi' | null;
}

/** What analysis and layout need of a landscape, and nothing more, so the cache key is its content. */
export interface LandscapeGraph {
  systems: LandscapeSystem[];
  links: LandscapeLink[];
}
