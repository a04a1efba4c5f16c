import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { GovernanceGrade } from '../../components/governance-grade.tsx';
import { LifecycleBadge } from '../../components/lifecycle-badge.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { ShareBar } from '../governance/share-bar.tsx';
import { TEAM, TEAM_MEMBERS } from './team-query.ts';

/** One team: its people, its systems, its contracts and how they stand against policy. */
export function TeamPage() {
  const { slug = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: TEAM, variables: { slug } });
  const [members] = useQuery({ query: TEAM_MEMBERS, variables: { slug } });
  if (!data) return <QueryState fetching={fetching} error={error} what="the team" />;
  const team = data.team;
  if (!team) return <p role="alert" className="alert error">There is no team “{slug}”.</p>;
  const { summary, scorecards } = team.governance;
  const card = new Map(scorecards.map((s) => [s.contract, s]));
  const contracts = data.contracts.edges.map((e) => e.node);
  return (
    <div className="page team-page">
      <header className="page-head">
        <p className="eyebrow">Team</p>
        <h1>{team.name}</h1>
        <p className="muted">
          <span className="mono">{team.slug}</span> · <Link to={`/landscape?team=${encodeURIComponent(team.slug)}`}>its landscape</Link> · <Link to={`/?team=${encodeURIComponent(team.slug)}`}>its contracts in the catalog</Link>
        </p>
        {team.description && <p className="lead">{team.description}</p>}
      </header>

      <section className="card scorecard-strip" aria-labelledby="scorecard">
        <h2 id="scorecard">Scorecard</h2>
        <dl className="stat-row">
          <div><dt>Contracts</dt><dd>{summary.contracts}</dd></div>
          <div><dt>Published</dt><dd>{summary.published}</dd></div>
          <div><dt>Clean</dt><dd>{summary.clean}</dd></div>
          <div><dt>Open errors</dt><dd className={summary.open.errors > 0 ? 'bad' : ''}>{summary.open.errors}</dd></div>
          <div><dt>Open warnings</dt><dd>{summary.open.warnings}</dd></div>
          <div><dt>Waivers</dt><dd>{summary.waivers.active}{summary.waivers.expiringSoon > 0 && <span className="small muted"> ({summary.waivers.expiringSoon} expiring)</span>}</dd></div>
        </dl>
        <ShareBar share={summary.cleanShare} label={`${Math.round(summary.cleanShare * 100)}% of published contracts clean`} />
      </section>

      <div className="two-columns">
        <section className="card" aria-labelledby="members">
          <h2 id="members">Members</h2>
          {members.error ? (
            <p className="muted">Only the team's members and administrators see who is in it.</p>
          ) : !members.data?.team ? (
            <p className="loading" role="status">Loading members…</p>
          ) : members.data.team.members.length === 0 ? (
            <p className="muted">Nobody yet.</p>
          ) : (
            <ul className="plain-list rows">
              {members.data.team.members.map((m) => (
                <li key={m.userId} className="row-head">
                  <span>{m.name} <span className="muted small">{m.email}</span></span>
                  <span className={`badge role-${m.role}`}>{m.role}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="systems">
          <h2 id="systems">Systems</h2>
          <ul className="plain-list rows">
            {team.systems.edges.map(({ node }) => (
              <li key={node.slug} className="row-head">
                <Link to={`/systems/${encodeURIComponent(node.slug)}`}>{node.name}</Link>
                <span className="badge">{node.domain}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section className="card" aria-labelledby="contracts">
        <h2 id="contracts">Contracts</h2>
        <table className="data-table">
          <thead><tr><th scope="col">Grade</th><th scope="col">Contract</th><th scope="col">System</th><th scope="col">Latest</th><th scope="col">Lifecycle</th><th scope="col">Open findings</th></tr></thead>
          <tbody>
            {contracts.map((c) => {
              const s = card.get(c.slug);
              return (
                <tr key={c.slug}>
                  <td>{s && <GovernanceGrade scorecard={s} />}</td>
                  <td><Link to={`/contracts/${encodeURIComponent(c.slug)}`}>{c.name}</Link></td>
                  <td><Link to={`/systems/${encodeURIComponent(c.system.slug)}`}>{c.system.name}</Link></td>
                  <td className="mono">{c.latestVersion ?? '—'}</td>
                  <td><LifecycleBadge lifecycle={c.lifecycle} sunsetAt={c.sunsetAt} /></td>
                  <td>{s ? `${s.open.errors} errors, ${s.open.warnings} warnings` : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
