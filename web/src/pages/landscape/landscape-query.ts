import { gql } from 'urql';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LandscapeData {
  domain: string | null;
  team: string | null;
  nodes: { slug: string; name: string; domain: string; team: { slug: string; name: string } }[];
  edges: { subscription: { id: string }; contract: { slug: string; name: string; kind: 'openapi' | 'asyncapi' | null }; provider: { slug: string }; consumer: { slug: string }; operations: string[] }[];
  systems: { system: { slug: string }; fanIn: number; fanOut: number; cycle: number | null; cluster: number | null }[];
  cycles: string[][];
  pointToPointClusters: string[][];
  layout: { width: number; height: number; systems: (Box & { system: string })[]; domains: (Box & { domain: string })[]; edges: { subscription: string; points: { x: number; y: number }[] }[] };
}

export const LANDSCAPE = gql<{ landscape: LandscapeData }, { domain?: string; team?: string }>`
  query Landscape($domain: String, $team: String) {
    landscape(domain: $domain, team: $team) {
      domain team
      nodes { slug name domain team { slug name } }
      edges { subscription { id } contract { slug name kind } provider { slug } consumer { slug } operations }
      systems { system { slug } fanIn fanOut cycle cluster }
      cycles
      pointToPointClusters
      layout {
        width height
        systems { system x y width height }
        domains { domain x y width height }
        edges { subscription points { x y } }
      }
    }
  }
`;

/** The choices of the filters: every domain and team that has a system. */
export const LANDSCAPE_FILTERS = gql<{ systems: { edges: { node: { domain: string; team: { slug: string; name: string } } }[] } }, Record<string, never>>`
  query LandscapeFilters {
    systems(first: 100) { edges { node { domain team { slug name } } } }
  }
`;
