import { gql } from 'urql';

export interface Figures {
  requests: number;
  errors: number;
  errorRate: number | null;
  p95Ms: number | null;
}

export interface IncidentData {
  id: string;
  environment: string;
  kind: 'latency' | 'errors';
  openedAt: string;
  resolvedAt: string | null;
  open: boolean;
  durationMs: number | null;
  threshold: number;
  worst: number;
  consumers: string[];
}

export interface HealthData {
  environments: { slug: string; name: string; rank: number }[];
  contract: {
    slug: string;
    name: string;
    traffic: {
      from: string;
      to: string;
      totals: Figures;
      consumers: { consumer: string; figures: Figures }[];
      series: { stepSeconds: number; points: { at: string; figures: Figures }[] };
      slo: { p95Ms: number; errorRate: number; source: string; prometheusRulesUrl: string; grafanaDashboardUrl: string };
    };
    incidents: IncidentData[];
    meanTimeToRecover: { overall: { incidents: number; mttrMs: number | null } };
  } | null;
}

/** A contract's health in one environment over the last stretch: what the charts, the incident list and MTTR show. */
export const HEALTH = gql<HealthData, { slug: string; environment: string; last: string }>`
  query ContractHealth($slug: String!, $environment: String!, $last: String!) {
    environments { slug name rank }
    contract(slug: $slug) {
      slug name
      traffic(environment: $environment, last: $last) {
        from to
        totals { requests errors errorRate p95Ms }
        consumers { consumer figures { requests errors errorRate p95Ms } }
        series { stepSeconds points { at figures { requests errors errorRate p95Ms } } }
        slo { p95Ms errorRate source prometheusRulesUrl grafanaDashboardUrl }
      }
      incidents(environment: $environment, first: 10) { id environment kind openedAt resolvedAt open durationMs threshold worst consumers }
      meanTimeToRecover(environment: $environment) { overall { incidents mttrMs } }
    }
  }
`;

export const ENVIRONMENTS = gql<{ environments: { slug: string; name: string; rank: number }[] }, Record<string, never>>`
  query Environments { environments { slug name rank } }
`;
