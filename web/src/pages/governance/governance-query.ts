import { gql } from 'urql';
import type { GovernanceSummary } from '../team/team-query.ts';

export interface GovernanceData {
  governance: { summary: GovernanceSummary; teams: GovernanceSummary[]; domains: GovernanceSummary[] };
  contracts: {
    edges: {
      node: {
        slug: string;
        name: string;
        team: { slug: string; name: string };
        scorecard: { clean: boolean; latestVersion: string | null; open: { errors: number; warnings: number }; waivers: { active: number; expiringSoon: number } };
        waivers: { edges: { node: { id: string; rule: string; message: string; expiresAt: string } }[] };
      };
    }[];
  };
}

const SUMMARY = 'name contracts published clean cleanShare open { errors warnings } waivers { active expiringSoon } topFailingRules { rule contracts }';

export const GOVERNANCE = gql<GovernanceData, Record<string, never>>`
  query Governance {
    governance { summary { ${SUMMARY} } teams { ${SUMMARY} } domains { ${SUMMARY} } }
    contracts(first: 100) {
      edges {
        node {
          slug name
          team { slug name }
          scorecard { clean latestVersion open { errors warnings } waivers { active expiringSoon } }
          waivers(state: active, first: 5) { edges { node { id rule message expiresAt } } }
        }
      }
    }
  }
`;
