import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { QueryState } from '../../components/query-state.tsx';
import { LANDSCAPE, LANDSCAPE_FILTERS, type LandscapeData } from './landscape-query.ts';

// The drawing is the heavy part of the page; the catalog's first load does not pay for it.
const LandscapeDrawing = lazy(() => import('./landscape-drawing.tsx'));

/** Who uses whom, drawn by domain: the page architects start a review from. */
export function LandscapePage() {
  const [params, setParams] = useSearchParams();
  const domain = params.get('domain') ?? '';
  const team = params.get('team') ?? '';
  const [filters] = useQuery({ query: LANDSCAPE_FILTERS });
  const environments = [...(filters.data?.environments ?? [])].sort((a, b) => b.rank - a.rank);
  // Live by default in the highest ranked environment (production, usually); `declared` shows subscriptions alone.
  const chosenEnvironment = params.get('env') ?? environments[0]?.slug ?? '';
  const environment = chosenEnvironment === 'declared' ? '' : chosenEnvironment;
  const [{ data, fetching, error }] = useQuery({ query: LANDSCAPE, variables: { ...(domain && { domain }), ...(team && { team }), ...(environment && { environment }) }, pause: !filters.data && !filters.error });
  const choices = filters.data?.systems.edges.map((e) => e.node) ?? [];
  const domains = [...new Set(choices.map((c) => c.domain))].sort();
  const teams = [...new Map(choices.map((c) => [c.team.slug, c.team.name])).entries()].sort((a, b) => a[1].localeCompare(b[1]));

  const choose = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <div className="page landscape-page">
      <header className="page-head">
        <h1>Landscape</h1>
        <p className="muted">Systems grouped by domain; a line runs from a consumer to the system whose contract it uses, coloured by its health in the chosen environment over the last days.</p>
      </header>
      <form className="filters" aria-label="Filter the landscape" onSubmit={(event) => event.preventDefault()}>
        <label>
          Domain
          <select value={domain} onChange={(event) => choose('domain', event.target.value)}>
            <option value="">All domains</option>
            {domains.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <label>
          Team
          <select value={team} onChange={(event) => choose('team', event.target.value)}>
            <option value="">All teams</option>
            {teams.map(([slug, name]) => <option key={slug} value={slug}>{name}</option>)}
          </select>
        </label>
        <label>
          Traffic
          <select value={environment || 'declared'} onChange={(event) => choose('env', event.target.value)}>
            {environments.map((e) => <option key={e.slug} value={e.slug}>{`${e.name}, last 7 days`}</option>)}
            <option value="declared">None: subscriptions only</option>
          </select>
        </label>
      </form>
      <QueryState fetching={fetching && !data} error={error} what="the landscape" />
      {data && <LandscapeView landscape={data.landscape} />}
    </div>
  );
}

function LandscapeView({ landscape }: { landscape: LandscapeData }) {
  if (landscape.nodes.length === 0) return <p className="empty-state">No system matches these filters.</p>;
  const name = new Map(landscape.nodes.map((n) => [n.slug, n.name]));
  const standing = new Map(landscape.systems.map((s) => [s.system.slug, s]));
  const names = (group: string[]) => group.map((slug) => name.get(slug) ?? slug).join(' ⇄ ');
  const undeclared = landscape.edges.filter((e) => !e.declared);
  const breaching = landscape.edges.filter((e) => e.live?.health === 'breaching');
  return (
    <div className="landscape-layout">
      <Suspense fallback={<p className="loading" role="status">Drawing the landscape…</p>}>
        <LandscapeDrawing landscape={landscape} />
      </Suspense>
      <aside className="landscape-findings" aria-label="What the landscape shows">
        {landscape.environment !== null && (
          <section className="card">
            <h2>Live in {landscape.environment}</h2>
            <h3 className="small-heading">Breaching <span className="count">{breaching.length}</span></h3>
            {breaching.length === 0 ? (
              <p className="muted">Every edge with traffic meets its objective.</p>
            ) : (
              <ul className="plain-list">
                {breaching.map((e) => (
                  <li key={e.id} className="flag flag-breaching">
                    <Link to={`/systems/${encodeURIComponent(e.consumer.slug)}/runbooks/${encodeURIComponent(e.contract.slug)}`}>{`${name.get(e.consumer.slug) ?? e.consumer.slug} → ${e.contract.name}`}</Link>
                    <span className="muted small">{` P95 ${e.live?.figures.p95Ms == null ? '—' : `${Math.round(e.live.figures.p95Ms)} ms`}, ${e.live?.openIncidents ?? 0} open`}</span>
                  </li>
                ))}
              </ul>
            )}
            <h3 className="small-heading">Undeclared <span className="count">{undeclared.length}</span></h3>
            {undeclared.length === 0 ? (
              <p className="muted">Every use seen in traffic has a subscription.</p>
            ) : (
              <ul className="plain-list">
                {undeclared.map((e) => (
                  <li key={e.id} className="flag flag-undeclared">
                    <Link to={`/systems/${encodeURIComponent(e.consumer.slug)}/runbooks/${encodeURIComponent(e.contract.slug)}`}>{`${name.get(e.consumer.slug) ?? e.consumer.slug} → ${e.contract.name}`}</Link>
                  </li>
                ))}
              </ul>
            )}
            <p className="muted small">An undeclared consumer is invisible to compatibility checks: a breaking change would reach it unannounced.</p>
          </section>
        )}
        <section className="card">
          <h2>Cycles</h2>
          {landscape.cycles.length === 0 ? (
            <p className="muted">None: every dependency runs one way.</p>
          ) : (
            <ul className="plain-list">{landscape.cycles.map((cycle) => <li key={cycle.join()} className="flag flag-cycle">{names(cycle)}</li>)}</ul>
          )}
          <p className="muted small">Systems in a cycle depend on each other: none of them can change or deploy alone.</p>
        </section>
        <section className="card">
          <h2>Point-to-point clusters</h2>
          {landscape.pointToPointClusters.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="plain-list">{landscape.pointToPointClusters.map((cluster) => <li key={cluster.join()} className="flag flag-cluster">{cluster.map((slug) => name.get(slug) ?? slug).join(', ')}</li>)}</ul>
          )}
          <p className="muted small">Three or more systems meshed by direct API calls; an event stream or a facade would decouple them.</p>
        </section>
        <section className="card">
          <h2>Systems</h2>
          <table className="data-table compact">
            <thead><tr><th scope="col">System</th><th scope="col"><abbr title="systems that use it">Fan-in</abbr></th><th scope="col"><abbr title="systems it uses">Fan-out</abbr></th></tr></thead>
            <tbody>
              {landscape.nodes.map((node) => (
                <tr key={node.slug}>
                  <td><Link to={`/systems/${encodeURIComponent(node.slug)}`}>{node.name}</Link></td>
                  <td className="num">{standing.get(node.slug)?.fanIn ?? 0}</td>
                  <td className="num">{standing.get(node.slug)?.fanOut ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </aside>
    </div>
  );
}
