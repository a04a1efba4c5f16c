import { gql } from 'urql';
import type { Lifecycle } from '../../components/lifecycle-badge.tsx';

export interface SystemData {
  slug: string;
  name: string;
  domain: string;
  description: string;
  team: { slug: string; name: string };
  contracts: { totalCount: number; edges: { node: { slug: string; name: string; kind: 'openapi' | 'asyncapi' | null; lifecycle: Lifecycle; sunsetAt: string | null; latestVersion: string | null; consumers: { slug: string; name: string }[] } }[] };
  subscriptions: { totalCount: number; edges: { node: { id: string; status: string; range: string; operations: string[]; contract: { slug: string; name: string; system: { slug: string; name: string } } } }[] };
}

export const SYSTEM = gql<{ system: SystemData | null }, { slug: string }>`
  query SystemPage($slug: String!) {
    system(slug: $slug) {
      slug name domain description
      team { slug name }
      contracts(first: 20) { totalCount edges { node { slug name kind lifecycle sunsetAt latestVersion consumers { slug name } } } }
      subscriptions(first: 15) { totalCount edges { node { id status range operations contract { slug name system { slug name } } } } }
    }
  }
`;
