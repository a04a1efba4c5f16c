import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryState } from '../query-state.tsx';
import { firstEnvironment, formatDuration, formatMs, formatRate, formatTime } from './format-health.ts';
import { HealthChart, type ChartPoint } from './health-chart.tsx';
import { ENVIRONMENTS, HEALTH, type Figures, type HealthData } from './health-query.ts';

const RANGES = [
  ['1h', 'last hour'],
  ['24h', 'last 24 hours'],
  ['7d', 'last 7 days'],
] as const;

/** Every step of the range, with null where no traffic arrived, so a quiet stretch shows as a gap. */
function stepsOf(series: NonNullable<HealthData['contract']>['traffic']['series'], from: string, to: string, value: (f: Figures) => number | null): ChartPoint[] {
  const stepMs = series.stepSeconds * 1000;
  const byAt = new Map(series.points.map((p) => [Date.parse(p.at), p.figures]));
  const points: ChartPoint[] = [];
  for (let at = Date.parse(from) + stepMs; at <= Date.parse(to) + stepMs - 1; at += stepMs) {
    const figures = byAt.get(at);
    points.push({ at: new Date(at).toISOString(), value: figures ? value(figures) : null });
  }
  return points;
}

/**
 * A contract's health in one environment: P95 latency and error rate over time against its
 * objective, the incidents with their durations, MTTR, and where the runbook and alert rules are.
 */
export default function HealthPanel({ contract, heading = 'h2' }: { contract: string; heading?: 'h2' | 'h3' }) {
  const [environments] = useQuery({ query: ENVIRONMENTS });
  const [chosen, setChosen] = useState('');
  const [last, setLast] = useState<string>('1h');
  const environment = chosen || firstEnvironment(environments.data?.environments ?? []);
  const [{ data, fetching, error }] = useQuery({ query: HEALTH, variables: { slug: contract, environment, last }, pause: !environment, requestPolicy: 'cache-and-network' });
  const H = heading;
  if (environments.data && environments.data.environments.length === 0) return <p className="muted">No environment is registered yet, so there is no traffic to show.</p>;
  const c = data?.contract;
  return (
    <section className="health-panel" aria-label={`Health of ${contract}`}>
      <form className="filters" aria-label="Choose what to show" onSubmit={(event) => event.preventDefault()}>
        <label>
          Environment
          <select value={environment} onChange={(event) => setChosen(event.target.value)}>
            {(environments.data?.environments ?? []).map((e) => <option key={e.slug} value={e.slug}>{e.name}</option>)}
          </select>
        </label>
        <label>
          Period
          <select value={last} onChange={(event) => setLast(event.target.value)}>
            {RANGES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <Link to={`/contracts/${encodeURIComponent(contract)}/runbook`} className="button secondary">Runbook</Link>
      </form>
      <QueryState fetching={fetching && !c} error={error} what="the traffic" />
      {c && (
        <>
          <dl className="health-facts">
            <div><dt>Requests</dt><dd>{c.traffic.totals.requests.toLocaleString('en')}</dd></div>
            <div><dt>P95</dt><dd className={(c.traffic.totals.p95Ms ?? 0) > c.traffic.slo.p95Ms ? 'over' : undefined}>{formatMs(c.traffic.totals.p95Ms)}</dd></div>
            <div><dt>Error rate</dt><dd className={(c.traffic.totals.errorRate ?? 0) > c.traffic.slo.errorRate ? 'over' : undefined}>{formatRate(c.traffic.totals.errorRate)}</dd></div>
            <div><dt>Open incidents</dt><dd>{c.incidents.filter((i) => i.open).length}</dd></div>
            <div><dt><abbr title="mean time to recover, last 30 days">MTTR</abbr></dt><dd>{formatDuration(c.meanTimeToRecover.overall.mttrMs)}</dd></div>
            <div><dt>Objective</dt><dd>{`P95 ≤ ${formatMs(c.traffic.slo.p95Ms)}, errors ≤ ${formatRate(c.traffic.slo.errorRate)}`}{c.traffic.slo.source === 'default' ? ' (default)' : ''}</dd></div>
          </dl>
          {c.traffic.totals.requests === 0 ? (
            <p className="empty-state">No traffic reported in {environment} over the {RANGES.find(([v]) => v === last)?.[1]}.</p>
          ) : (
            <div className="health-charts">
              <HealthChart title="P95 latency" points={stepsOf(c.traffic.series, c.traffic.from, c.traffic.to, (f) => f.p95Ms)} threshold={c.traffic.slo.p95Ms} format={(v) => formatMs(v)} from={c.traffic.from} to={c.traffic.to} />
              <HealthChart title="Error rate" points={stepsOf(c.traffic.series, c.traffic.from, c.traffic.to, (f) => f.errorRate)} threshold={c.traffic.slo.errorRate} format={(v) => formatRate(v)} from={c.traffic.from} to={c.traffic.to} />
            </div>
          )}
          <H>Incidents</H>
          {c.incidents.length === 0 ? (
            <p className="muted">No incident in {environment}.</p>
          ) : (
            <table className="data-table compact">
              <thead><tr><th scope="col">Opened (UTC)</th><th scope="col">Objective</th><th scope="col">Duration</th><th scope="col">Worst</th><th scope="col">Consumers</th></tr></thead>
              <tbody>
                {c.incidents.map((i) => (
                  <tr key={i.id}>
                    <td>{formatTime(i.openedAt)}</td>
                    <td>{i.kind === 'latency' ? `P95 ≤ ${formatMs(i.threshold)}` : `errors ≤ ${formatRate(i.threshold)}`}</td>
                    <td>{i.open ? <span className="badge health-breaching">open</span> : formatDuration(i.durationMs)}</td>
                    <td>{i.kind === 'latency' ? formatMs(i.worst) : formatRate(i.worst)}</td>
                    <td>{i.consumers.length === 0 ? '—' : i.consumers.map((s) => <Link key={s} to={`/systems/${encodeURIComponent(s)}`} className="mono">{s} </Link>)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="muted small">
            Alerting from this objective: <a href={c.traffic.slo.prometheusRulesUrl}>Prometheus rules</a> · <a href={c.traffic.slo.grafanaDashboardUrl}>Grafana dashboard</a>
          </p>
        </>
      )}
    </section>
  );
}
