import { gql } from 'urql';
import type { GovernanceSummary } from '../team/team-query.ts';

export interface GovernanceData {
  governance: {
    summary: GovernanceSummary;
    teams: GovernanceSummary[];
    domains: GovernanceSummary[];
    worst: { slug: string; name: string; team: { name: string }; scorecard: { clean: boolean; latestVersion: string | null; open: { errors: number; warnings: number } } }[];
    expiringWaivers: { id: string; rule: string; expiresAt: string; contract: { slug: string; name: string } }[];
  };
}

const SUMMARY = 'name contracts published clean cleanShare open { errors warnings } waivers { active expiringSoon } topFailingRules { rule contracts }';

export const GOVERNANCE = gql<GovernanceData, Record<string, never>>`
  query Governance {
    governance {
      summary { ${SUMMARY} }
      teams { ${SUMMARY} }
      domains { ${SUMMARY} }
      worst(first: 8) { slug name team { name } scorecard { clean latestVersion open { errors warnings } } }
      expiringWaivers(first: 8) { id rule expiresAt contract { slug name } }
    }
  }
`;
