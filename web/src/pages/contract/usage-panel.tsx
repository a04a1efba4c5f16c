import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { formatSeenAt } from '../../components/format-seen-at.ts';
import { formatDate } from '../../components/lifecycle-badge.tsx';
import { QueryState } from '../../components/query-state.tsx';
import type { ContractData } from './contract-query.ts';
import { UsageMatrix } from './usage-matrix.tsx';
import { CONTRACT_USAGE } from './usage-query.ts';
import { UsageSettingsForm } from './usage-settings-form.tsx';
import { useMaintainer } from './use-maintainer.ts';

/** Observed usage of one contract over its look-back, in one environment or all, and the gating settings it feeds. */
export default function UsagePanel({ contract }: { contract: ContractData }) {
  const [params, setParams] = useSearchParams();
  const environment = params.get('env') || null;
  const { maintainer } = useMaintainer(contract.team.slug);
  const [{ data, fetching, error }] = useQuery({ query: CONTRACT_USAGE, variables: { slug: contract.slug, environment } });
  const usage = data?.contract?.usage;
  const settings = data?.contract?.usageSettings;
  if (!usage || !settings) return <QueryState fetching={fetching} error={error} what="usage" />;
  const environments = [...(data.environments ?? [])].sort((a, b) => b.rank - a.rank);
  const operations = data.contract?.latest?.operations.map((o) => o.key) ?? [];
  const consumers = [...new Set([...usage.operations.map((u) => u.consumer), ...usage.excluded.map((e) => e.consumer)])].sort();
  return (
    <div className="stack usage-panel">
      <div className="toolbar">
        <h2 id="usage-observed">Observed usage</h2>
        <label className="inline">Environment{' '}
          <select value={environment ?? ''} onChange={(e) => setParams(e.target.value ? { env: e.target.value } : {}, { replace: true })}>
            <option value="">All environments</option>
            {environments.map((env) => <option key={env.slug} value={env.slug}>{env.name}</option>)}
          </select>
        </label>
        <span className="muted small">{formatDate(usage.from)} – {formatDate(usage.to)} · last {usage.days} days · use from {usage.threshold} request{usage.threshold === 1 ? '' : 's'}</span>
      </div>
      <section className="card" aria-labelledby="usage-observed">
        {usage.operations.length === 0 && <p className="muted">No traffic seen{environment ? ` in ${environment}` : ''} over the last {usage.days} days. Traffic arrives from <code>accord proxy</code>, traffic windows and OpenTelemetry spans.</p>}
        <UsageMatrix uses={usage.operations} operations={operations} />
      </section>
      <div className="two-columns">
        <section className="card" aria-labelledby="shadow-consumers">
          <h2 id="shadow-consumers">Shadow consumers <span className="count">{usage.shadowConsumers.length}</span></h2>
          <p className="muted small">Seen calling the contract at least {usage.threshold === 1 ? 'once' : `${usage.threshold} times`} with no approved subscription: a change can break them unannounced.</p>
          {usage.shadowConsumers.length === 0 ? (
            <p className="muted">None: everyone who calls has subscribed.</p>
          ) : (
            <ul className="plain-list rows">
              {usage.shadowConsumers.map((s) => (
                <li key={s.consumer}>
                  <div className="row-head"><strong>{s.consumer}</strong><span className="badge usage-observed">{s.requests.toLocaleString('en-GB')} requests</span></div>
                  <p className="small muted">team {s.team ?? 'unknown'} · last seen {formatSeenAt(s.lastSeenAt)}</p>
                  <ul className="operation-list">{s.operations.map((op) => <li key={op} className="mono">{op}</li>)}</ul>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="silent-subscriptions">
          <h2 id="silent-subscriptions">Silent subscriptions <span className="count">{usage.silentSubscriptions.length}</span></h2>
          <p className="muted small">Approved, and not seen calling the contract in the last {usage.days} days: still counted as use, perhaps no longer needed.</p>
          {usage.silentSubscriptions.length === 0 ? (
            <p className="muted">None: every subscriber was seen.</p>
          ) : (
            <ul className="plain-list rows">
              {usage.silentSubscriptions.map((s) => (
                <li key={s.subscription}>
                  <div className="row-head"><strong>{s.consumer}</strong><span className="mono small">{s.range}</span></div>
                  <p className="small muted">team {s.team} · {s.operations.length} subscribed operation{s.operations.length === 1 ? '' : 's'}</p>
                  <ul className="operation-list">{s.operations.map((op) => <li key={op} className="mono">{op}</li>)}</ul>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {usage.excluded.length > 0 && (
        <p className="muted small">Left out of these figures: {usage.excluded.map((e) => `${e.consumer} (${e.requests.toLocaleString('en-GB')} requests, ${e.reason})`).join('; ')}.</p>
      )}
      <section className="card" aria-labelledby="usage-gating">
        <h2 id="usage-gating">Usage-aware gating</h2>
        <p className="muted small">Under usage-aware gating a breaking change that no declared or observed consumer uses passes; one that reaches consumers fails and names them.{maintainer ? '' : ` Maintainers of ${contract.team.name} change these settings.`}</p>
        <UsageSettingsForm settings={settings} maintainer={maintainer} consumers={consumers} />
      </section>
    </div>
  );
}
