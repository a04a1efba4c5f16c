import { gql } from 'urql';
import type { Lifecycle } from '../../components/lifecycle-badge.tsx';

export interface ContractResult {
  slug: string;
  name: string;
  kind: 'openapi' | 'asyncapi' | null;
  domain: string;
  lifecycle: Lifecycle;
  sunsetAt: string | null;
  tags: string[];
  description: string;
  latestVersion: string | null;
  team: { slug: string; name: string };
  system: { slug: string; name: string };
  consumers: { slug: string; name: string }[];
  scorecard: { clean: boolean; latestVersion: string | null; open: { errors: number; warnings: number } };
}

export interface SearchFilters {
  search?: string;
  domain?: string;
  team?: string;
  kind?: string;
  lifecycle?: string;
  tag?: string;
}

export const SEARCH_CONTRACTS = gql<{ contracts: { totalCount: number; edges: { node: ContractResult }[] } }, SearchFilters & { first: number }>`
  query SearchContracts($first: Int!, $search: String, $domain: String, $team: String, $kind: ContractKind, $lifecycle: Lifecycle, $tag: String) {
    contracts(first: $first, search: $search, domain: $domain, team: $team, kind: $kind, lifecycle: $lifecycle, tag: $tag) {
      totalCount
      edges {
        node {
          slug name kind domain lifecycle sunsetAt tags description latestVersion
          team { slug name }
          system { slug name }
          consumers { slug name }
          scorecard { clean latestVersion open { errors warnings } }
        }
      }
    }
  }
`;

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export type Facets = Record<'domain' | 'team' | 'kind' | 'lifecycle' | 'tag', FacetCount[]>;

export const CONTRACT_FACETS = gql<{ contractFacets: Facets }, SearchFilters>`
  query ContractFacets($search: String, $domain: String, $team: String, $kind: ContractKind, $lifecycle: Lifecycle, $tag: String) {
    contractFacets(search: $search, domain: $domain, team: $team, kind: $kind, lifecycle: $lifecycle, tag: $tag) {
      domain { value label count }
      team { value label count }
      kind { value label count }
      lifecycle { value label count }
      tag { value label count }
    }
  }
`;
