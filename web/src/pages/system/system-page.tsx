import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { LifecycleBadge } from '../../components/lifecycle-badge.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { SYSTEM } from './system-query.ts';

// The charts load only with a system that provides something to chart.
const HealthPanel = lazy(() => import('../../components/health/health-panel.tsx'));
const CanIDeployPanel = lazy(() => import('../../components/can-i-deploy/can-i-deploy-panel.tsx'));

const kindName = (kind: 'openapi' | 'asyncapi' | null) => (kind === 'asyncapi' ? 'AsyncAPI' : kind === 'openapi' ? 'OpenAPI' : 'no version');

/** One system: the contracts it provides and who uses them, and what it consumes of others. */
export function SystemPage() {
  const { slug = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: SYSTEM, variables: { slug } });
  if (!data) return <QueryState fetching={fetching} error={error} what="the system" />;
  const system = data.system;
  if (!system) return <p role="alert" className="alert error">There is no system “{slug}”.</p>;
  const provides = system.contracts.edges.map((e) => e.node);
  const consumes = system.subscriptions.edges.map((e) => e.node);
  return (
    <div className="page system-page">
      <header className="page-head">
        <p className="eyebrow">System · {system.domain}</p>
        <h1>{system.name}</h1>
        <p className="muted">
          <span className="mono">{system.slug}</span> · owned by <Link to={`/teams/${encodeURIComponent(system.team.slug)}`}>{system.team.name}</Link> ·{' '}
          <Link to={`/landscape?domain=${encodeURIComponent(system.domain)}`}>see it in the landscape</Link>
        </p>
        {system.description && <p className="lead">{system.description}</p>}
      </header>
      <div className="two-columns">
        <section className="card" aria-labelledby="provides">
          <h2 id="provides">Provides <span className="count">{provides.length}</span></h2>
          {provides.length === 0 ? (
            <p className="muted">It provides no contract yet.</p>
          ) : (
            <ul className="plain-list rows">
              {provides.map((c) => (
                <li key={c.slug}>
                  <div className="row-head">
                    <Link to={`/contracts/${encodeURIComponent(c.slug)}`}>{c.name}</Link>
                    <span className={`badge kind-${c.kind ?? 'none'}`}>{kindName(c.kind)}</span>
                  </div>
                  <p className="muted small">
                    <span className="mono">{c.latestVersion ?? '—'}</span> · <LifecycleBadge lifecycle={c.lifecycle} sunsetAt={c.sunsetAt} /> ·{' '}
                    {c.consumers.length === 0 ? 'no consumers' : `used by ${c.consumers.map((s) => s.name).join(', ')}`}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="consumes">
          <h2 id="consumes">Consumes <span className="count">{consumes.length}</span></h2>
          {consumes.length === 0 ? (
            <p className="muted">It uses no other system's contract.</p>
          ) : (
            <ul className="plain-list rows">
              {consumes.map((s) => (
                <li key={s.id}>
                  <div className="row-head">
                    <Link to={`/contracts/${encodeURIComponent(s.contract.slug)}`}>{s.contract.name}</Link>
                    <span className={`badge status-${s.status}`}>{s.status}</span>
                  </div>
                  <p className="muted small">
                    from <Link to={`/systems/${encodeURIComponent(s.contract.system.slug)}`}>{s.contract.system.name}</Link> · <span className="mono">{s.range}</span> · {s.operations.length} operation{s.operations.length === 1 ? '' : 's'}
                  </p>
                  <ul className="operation-list">{s.operations.map((op) => <li key={op} className="mono">{op}</li>)}</ul>
                  <Link to={`/systems/${encodeURIComponent(system.slug)}/runbooks/${encodeURIComponent(s.contract.slug)}`} className="small">Runbook of this use</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <Suspense fallback={<p className="loading" role="status">Loading…</p>}>
        <CanIDeployPanel subject={{ system: system.slug, name: system.name }} />
      </Suspense>
      {provides.length > 0 && <SystemHealth contracts={provides} />}
    </div>
  );
}

/** The health of one of the contracts the system provides at a time: charts are large. */
function SystemHealth({ contracts }: { contracts: { slug: string; name: string }[] }) {
  const [chosen, setChosen] = useState(contracts[0]!.slug);
  return (
    <section className="card" aria-labelledby="health">
      <div className="row-head">
        <h2 id="health">Health</h2>
        {contracts.length > 1 && (
          <label>
            Contract{' '}
            <select value={chosen} onChange={(event) => setChosen(event.target.value)}>
              {contracts.map((c) => <option key={c.slug} value={c.slug}>{c.name}</option>)}
            </select>
          </label>
        )}
      </div>
      <Suspense fallback={<p className="loading" role="status">Loading the health charts…</p>}>
        <HealthPanel contract={chosen} heading="h3" />
      </Suspense>
    </section>
  );
}
