import { gql } from 'urql';
import type { Lifecycle } from '../../components/lifecycle-badge.tsx';

export interface GovernanceSummary {
  name: string;
  contracts: number;
  published: number;
  clean: number;
  cleanShare: number;
  open: { errors: number; warnings: number };
  waivers: { active: number; expiringSoon: number };
  topFailingRules: { rule: string; contracts: number }[];
}

export interface TeamData {
  slug: string;
  name: string;
  description: string;
  systems: { edges: { node: { slug: string; name: string; domain: string } }[] };
  governance: { summary: GovernanceSummary; scorecards: { contract: string; latestVersion: string | null; clean: boolean; open: { errors: number; warnings: number }; waivers: { active: number; expiringSoon: number } }[] };
}

export const TEAM = gql<{ team: TeamData | null; contracts: { edges: { node: { slug: string; name: string; kind: 'openapi' | 'asyncapi' | null; lifecycle: Lifecycle; sunsetAt: string | null; latestVersion: string | null; system: { slug: string; name: string } } }[] } }, { slug: string }>`
  query TeamPage($slug: String!) {
    team(slug: $slug) {
      slug name description
      systems(first: 25) { edges { node { slug name domain } } }
      governance {
        summary { name contracts published clean cleanShare open { errors warnings } waivers { active expiringSoon } topFailingRules { rule contracts } }
        scorecards { contract latestVersion clean open { errors warnings } waivers { active expiringSoon } }
      }
    }
    contracts(team: $slug, first: 25) { edges { node { slug name kind lifecycle sunsetAt latestVersion system { slug name } } } }
  }
`;

/** Members carry email addresses: asked for separately, so a visitor who may not see them still sees the team. */
export const TEAM_MEMBERS = gql<{ team: { members: { userId: string; name: string; email: string; role: 'maintainer' | 'member' }[] } | null }, { slug: string }>`
  query TeamMembers($slug: String!) {
    team(slug: $slug) { members { userId name email role } }
  }
`;
