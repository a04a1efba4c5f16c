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
  const [{ data, fetching, error }] = useQuery({ query: LANDSCAPE, variables: { ...(domain && { domain }), ...(team && { team }) } });
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
        <p className="muted">Systems grouped by domain; a line runs from a consumer to the system whose contract it uses.</p>
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
  return (
    <div className="landscape-layout">
      <Suspense fallback={<p className="loading" role="status">Drawing the landscape…</p>}>
        <LandscapeDrawing landscape={landscape} />
      </Suspense>
      <aside className="landscape-findings" aria-label="What the landscape shows">
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
