import type { SloSettings } from './slo.js';

/**
 * A Grafana dashboard (JSON model, importable as is) for one contract in one environment, over the
 * proxy's metrics. The Prometheus data source is a variable, so it imports into any Grafana.
 */
export function grafanaDashboard({ contract, environment, slo }: { contract: string; environment: string; slo: SloSettings }): Record<string, unknown> {
  const labels = `contract="${contract}",environment="${environment}"`;
  const datasource = { type: 'prometheus', uid: '${datasource}' };
  let id = 0;
  const panel = (title: string, gridPos: { x: number; y: number; w: number; h: number }, targets: { expr: string; legendFormat: string }[], fieldConfig: Record<string, unknown> = {}, type = 'timeseries') => ({
    id: ++id,
    type,
    title,
    datasource,
    gridPos,
    targets: targets.map((t, i) => ({ refId: String.fromCharCode(65 + i), datasource, ...t })),
    fieldConfig: { defaults: fieldConfig, overrides: [] },
  });
  const threshold = (value: number) => ({ thresholds: { mode: 'absolute', steps: [{ color: 'green', value: null }, { color: 'red', value }] }, custom: { thresholdsStyle: { mode: 'line' } } });
  return {
    title: `Accord · ${contract} · ${environment}`,
    uid: `accord-${contract}-${environment}`.slice(0, 40),
    tags: ['accord', contract, environment],
    timezone: 'utc',
    schemaVersion: 39,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    templating: { list: [{ name: 'datasource', type: 'datasource', query: 'prometheus', label: 'Prometheus' }] },
    panels: [
      panel('Request rate by operation', { x: 0, y: 0, w: 12, h: 8 }, [{ expr: `sum by (operation) (rate(accord_requests_total{${labels}}[$__rate_interval]))`, legendFormat: '{{operation}}' }], { unit: 'reqps' }),
      panel(
        'Error rate (5xx and transport errors)',
        { x: 12, y: 0, w: 12, h: 8 },
        [{ expr: `sum(rate(accord_requests_total{${labels},status_class=~"5xx|transport_error"}[$__rate_interval])) / sum(rate(accord_requests_total{${labels}}[$__rate_interval]))`, legendFormat: 'error rate' }],
        { unit: 'percentunit', ...threshold(slo.errorRate) },
      ),
      panel(
        'P95 latency',
        { x: 0, y: 8, w: 12, h: 8 },
        [
          { expr: `histogram_quantile(0.95, sum by (le) (rate(accord_request_duration_seconds_bucket{${labels}}[$__rate_interval])))`, legendFormat: 'P95' },
          { expr: `histogram_quantile(0.99, sum by (le) (rate(accord_request_duration_seconds_bucket{${labels}}[$__rate_interval])))`, legendFormat: 'P99' },
        ],
        { unit: 's', ...threshold(slo.p95Ms / 1000) },
      ),
      panel(
        'Contract violations and undocumented requests',
        { x: 12, y: 8, w: 12, h: 8 },
        [
          { expr: `sum by (rule) (rate(accord_contract_violations_total{${labels}}[$__rate_interval]))`, legendFormat: '{{rule}}' },
          { expr: `sum(rate(accord_undocumented_requests_total{${labels}}[$__rate_interval]))`, legendFormat: 'undocumented' },
        ],
        { unit: 'reqps' },
      ),
      panel('P95 latency by operation', { x: 0, y: 16, w: 12, h: 8 }, [{ expr: `histogram_quantile(0.95, sum by (operation, le) (rate(accord_request_duration_seconds_bucket{${labels}}[$__rate_interval])))`, legendFormat: '{{operation}}' }], { unit: 's' }),
      panel(
        'Error rate by operation',
        { x: 12, y: 16, w: 12, h: 8 },
        [{ expr: `sum by (operation) (rate(accord_requests_total{${labels},status_class=~"5xx|transport_error"}[$__rate_interval])) / sum by (operation) (rate(accord_requests_total{${labels}}[$__rate_interval]))`, legendFormat: '{{operation}}' }],
        { unit: 'percentunit' },
      ),
      panel('Requests by consumer', { x: 0, y: 24, w: 24, h: 8 }, [{ expr: `sum by (consumer) (rate(accord_requests_total{${labels}}[$__rate_interval]))`, legendFormat: '{{consumer}}' }], { unit: 'reqps' }),
    ],
  };
}
