/** Upper bounds in seconds, as the generated alert rules and dashboards expect them. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;
const CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx', 'transport_error'] as const;

interface Series {
  labels: string;
  classes: number[];
  buckets: number[];
  sum: number;
  count: number;
  violations: Map<string, number>;
}

export interface ProxyMetrics {
  /** `status` undefined means a transport error. */
  observe(operation: string, consumer: string, status: number | undefined, seconds: number, violationRules: readonly string[]): void;
  undocumented(): void;
  /** The Prometheus text exposition (format 0.0.4). */
  render(): string;
}

/**
 * The proxy's Prometheus series, written by hand: one map lookup and a few additions per request,
 * where a general client library would resolve label sets and check names on every call. Operation
 * and consumer labels are bounded by the document and the recorder's consumer cap.
 */
export function createProxyMetrics({ contract, environment }: { contract: string; environment: string }): ProxyMetrics {
  const series = new Map<string, Series>();
  let undocumented = 0;
  const base = `contract="${escape(contract)}",environment="${escape(environment)}"`;

  return {
    observe(operation, consumer, status, seconds, violationRules) {
      const key = `${operation}\n${consumer}`;
      let s = series.get(key);
      if (!s) {
        s = { labels: `${base},operation="${escape(operation)}",consumer="${escape(consumer)}"`, classes: CLASSES.map(() => 0), buckets: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0, violations: new Map() };
        series.set(key, s);
      }
      const cls = status === undefined ? 5 : Math.floor(status / 100) - 1;
      if (cls >= 0 && cls <= 5) s.classes[cls]!++;
      for (let i = 0; i < DURATION_BUCKETS.length; i++) {
        if (seconds <= DURATION_BUCKETS[i]!) {
          s.buckets[i]!++;
          break;
        }
      }
      s.sum += seconds;
      s.count++;
      for (const rule of violationRules) s.violations.set(rule, (s.violations.get(rule) ?? 0) + 1);
    },
    undocumented() {
      undocumented++;
    },
    render() {
      const lines = [
        '# HELP accord_requests_total Requests through the proxy by status class; transport_error when the upstream gave no answer.',
        '# TYPE accord_requests_total counter',
      ];
      for (const s of series.values()) CLASSES.forEach((c, i) => s.classes[i]! > 0 && lines.push(`accord_requests_total{${s.labels},status_class="${c}"} ${s.classes[i]}`));
      lines.push('# HELP accord_request_duration_seconds Time from the request to the end of the upstream answer.', '# TYPE accord_request_duration_seconds histogram');
      for (const s of series.values()) {
        let cumulative = 0;
        DURATION_BUCKETS.forEach((le, i) => {
          cumulative += s.buckets[i]!;
          lines.push(`accord_request_duration_seconds_bucket{${s.labels},le="${le}"} ${cumulative}`);
        });
        lines.push(`accord_request_duration_seconds_bucket{${s.labels},le="+Inf"} ${s.count}`, `accord_request_duration_seconds_sum{${s.labels}} ${s.sum}`, `accord_request_duration_seconds_count{${s.labels}} ${s.count}`);
      }
      lines.push('# HELP accord_contract_violations_total Requests or responses that broke the contract, by rule.', '# TYPE accord_contract_violations_total counter');
      for (const s of series.values()) for (const [rule, count] of s.violations) lines.push(`accord_contract_violations_total{${s.labels},rule="${escape(rule)}"} ${count}`);
      lines.push('# HELP accord_undocumented_requests_total Requests that matched no operation of the contract.', '# TYPE accord_undocumented_requests_total counter', `accord_undocumented_requests_total{${base}} ${undocumented}`);
      return `${lines.join('\n')}\n`;
    },
  };
}

const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
