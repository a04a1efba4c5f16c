import { stringify } from 'yaml';
import type { SloSettings } from './slo.js';

/** The proxy's latency histogram buckets, in seconds (see `accord proxy`'s /metrics). */
export const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/**
 * The multi-window, multi-burn-rate pairs of the Google SRE workbook for a 30-day budget: a fast burn
 * pages when both the long and the short window burn, so an alert starts fast and stops soon after
 * the burning stops; slow burns open a ticket.
 */
const BURNS = [
  { long: '1h', short: '5m', factor: 14.4, severity: 'page' },
  { long: '6h', short: '30m', factor: 6, severity: 'page' },
  { long: '1d', short: '2h', factor: 3, severity: 'ticket' },
  { long: '3d', short: '6h', factor: 1, severity: 'ticket' },
] as const;

/** The bucket whose upper bound is the P95 objective, or the next one up: histograms only count at their bounds. */
export const latencyBucketFor = (p95Ms: number) => LATENCY_BUCKETS_SECONDS.find((le) => le * 1000 >= p95Ms) ?? LATENCY_BUCKETS_SECONDS.at(-1)!;

const formatLe = (le: number) => String(le);

/** Prometheus alerting rules for one contract's objective in one environment, as a rule file (YAML). */
export function prometheusRules({ contract, environment, slo }: { contract: string; environment: string; slo: SloSettings }): string {
  const labels = `contract="${contract}",environment="${environment}"`;
  const le = latencyBucketFor(slo.p95Ms);
  const errorRatio = (range: string) =>
    `(sum(rate(accord_requests_total{${labels},status_class=~"5xx|transport_error"}[${range}])) / sum(rate(accord_requests_total{${labels}}[${range}])))`;
  // P95 under the objective means at most 5 % of requests slower than it: the latency budget.
  const slowRatio = (range: string) =>
    `(1 - sum(rate(accord_request_duration_seconds_bucket{${labels},le="${formatLe(le)}"}[${range}])) / sum(rate(accord_request_duration_seconds_count{${labels}}[${range}])))`;
  const common = { contract, environment };
  const burnRules = (name: string, ratio: (range: string) => string, budget: number, what: string) =>
    BURNS.map((b) => ({
      alert: name,
      expr: `${ratio(b.long)} > ${b.factor} * ${budget}\nand\n${ratio(b.short)} > ${b.factor} * ${budget}`,
      for: '2m',
      labels: { severity: b.severity, ...common, long_window: b.long, short_window: b.short },
      annotations: {
        summary: `${contract} in ${environment} burns its ${what} budget ${b.factor}× too fast`,
        description: `Over ${b.long} (and still over ${b.short}) the ${what} of ${contract} in ${environment} is above ${b.factor} × its budget of ${budget}.`,
      },
    }));
  const windowRange = `${slo.windowSeconds}s`;
  return stringify({
    groups: [
      {
        name: `accord-slo-${contract}-${environment}`,
        rules: [
          ...burnRules('AccordErrorBudgetBurn', errorRatio, slo.errorRate, 'error'),
          ...burnRules('AccordLatencyBudgetBurn', slowRatio, 0.05, `share of requests slower than ${le * 1000} ms`),
          {
            alert: 'AccordP95LatencyAboveObjective',
            expr: `histogram_quantile(0.95, sum by (le) (rate(accord_request_duration_seconds_bucket{${labels}}[${windowRange}]))) > ${slo.p95Ms / 1000}`,
            for: `${slo.windowSeconds * slo.openAfter}s`,
            labels: { severity: 'ticket', ...common },
            annotations: { summary: `${contract} in ${environment}: P95 latency above ${slo.p95Ms} ms` },
          },
          {
            alert: 'AccordContractViolations',
            expr: `sum by (operation, rule) (increase(accord_contract_violations_total{${labels}}[${windowRange}])) > 0`,
            labels: { severity: 'ticket', ...common },
            annotations: { summary: `${contract} in ${environment}: traffic breaks the contract ({{ $labels.rule }} on {{ $labels.operation }})` },
          },
          {
            alert: 'AccordUndocumentedRequests',
            expr: `sum(increase(accord_undocumented_requests_total{${labels}}[${windowRange}])) > 0`,
            labels: { severity: 'info', ...common },
            annotations: { summary: `${contract} in ${environment}: requests to endpoints the contract does not document` },
          },
        ],
      },
    ],
  });
}
