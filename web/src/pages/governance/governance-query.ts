import { gql } from 'urql';
import type { GovernanceSummary } from '../team/team-query.ts';

export interface GovernanceData {
  governance: { summary: GovernanceSummary; teams: GovernanceSummary[]; domains: GovernanceSummary[] };
  contracts: {
    edges: {
      node: {
        slug: string;
        name: string;
        team: { name: string };
        scorecard: { clean: boolean; latestVersion: string | null; open: { errors: number; warnings: number } };
        waivers: { edges: { node: { id: string; rule: string; expiresAt: string } }[] };
      };
    }[];
  };
}

const SUMMARY = 'name contracts published clean cleanShare open { errors warnings } waivers { active expiringSoon } topFailingRules { rule contracts }';

export const GOVERNANCE = gql<GovernanceData, Record<string, never>>`
  query Governance {
    governance { summary { ${SUMMARY} } teams { ${SUMMARY} } domains { ${SUMMARY} } }
    contracts(first: 15) {
      edges {
        node {
          slug name
          team { name }
          scorecard { clean latestVersion open { errors warnings } }
          waivers(state: active, first: 2) { edges { node { id rule expiresAt } } }
        }
      }
    }
  }
`;
