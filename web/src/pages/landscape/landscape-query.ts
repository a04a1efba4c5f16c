import { gql } from 'urql';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type EdgeHealth = 'healthy' | 'breaching' | 'unknown';

export interface EdgeLive {
  figures: { requests: number; errorRate: number | null; p95Ms: number | null };
  lastSeenAt: string | null;
  openIncidents: number;
  mttrMs: number | null;
  sloP95Ms: number;
  sloErrorRate: number;
  health: EdgeHealth;
}

export interface LandscapeData {
  domain: string | null;
  team: string | null;
  environment: string | null;
  days: number;
  nodes: { slug: string; name: string; domain: string; team: { slug: string; name: string } }[];
  edges: { id: string; subscription: { id: string } | null; contract: { slug: string; name: string; kind: 'openapi' | 'asyncapi' | null }; provider: { slug: string }; consumer: { slug: string }; operations: string[]; declared: boolean; observed: boolean; live: EdgeLive | null }[];
  systems: { system: { slug: string }; fanIn: number; fanOut: number; cycle: number | null; cluster: number | null }[];
  cycles: string[][];
  pointToPointClusters: string[][];
  layout: { width: number; height: number; systems: (Box & { system: string })[]; domains: (Box & { domain: string })[]; edges: { edge: string; points: { x: number; y: number }[] }[] };
}

export const LANDSCAPE = gql<{ landscape: LandscapeData }, { domain?: string; team?: string; environment?: string }>`
  query Landscape($domain: String, $team: String, $environment: String) {
    landscape(domain: $domain, team: $team, environment: $environment) {
      domain team environment days
      nodes { slug name domain team { slug name } }
      edges { id subscription { id } contract { slug name kind } provider { slug } consumer { slug } operations declared observed live { figures { requests errorRate p95Ms } lastSeenAt openIncidents mttrMs sloP95Ms sloErrorRate health } }
      systems { system { slug } fanIn fanOut cycle cluster }
      cycles
      pointToPointClusters
      layout {
        width height
        systems { system x y width height }
        domains { domain x y width height }
        edges { edge points { x y } }
      }
    }
  }
`;

/** The choices of the filters: every domain and team that has a system. */
export const LANDSCAPE_FILTERS = gql<{ systems: { edges: { node: { domain: string; team: { slug: string; name: string } } }[] }; environments: { slug: string; name: string; rank: number }[] }, Record<string, never>>`
  query LandscapeFilters {
    environments { slug name rank }
    systems(first: 100) { edges { node { domain team { slug name } } } }
  }
`;
