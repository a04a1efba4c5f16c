import { Link } from 'react-router';
import { useQuery } from 'urql';
import { GovernanceGrade } from '../../components/governance-grade.tsx';
import { formatDate } from '../../components/lifecycle-badge.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { GOVERNANCE } from './governance-query.ts';
import { ShareBar } from './share-bar.tsx';
import { StandingChart } from './standing-chart.tsx';

/** Where the registry stands against its rulesets: by team, by domain, the worst contracts and the waivers about to run out. */
export function GovernancePage() {
  const [{ data, fetching, error }] = useQuery({ query: GOVERNANCE });
  if (!data) return <QueryState fetching={fetching} error={error} what="governance" />;
  const { summary, teams, domains, worst, expiringWaivers: waivers } = data.governance;
  return (
    <div className="page governance-page">
      <header className="page-head">
        <h1>Governance</h1>
        <p className="muted">How the published contracts stand against their policy rulesets.</p>
      </header>
      <section className="card scorecard-strip" aria-labelledby="overall">
        <h2 id="overall">Whole registry</h2>
        <dl className="stat-row">
          <div><dt>Contracts</dt><dd>{summary.contracts}</dd></div>
          <div><dt>Published</dt><dd>{summary.published}</dd></div>
          <div><dt>Clean</dt><dd>{summary.clean}</dd></div>
          <div><dt>Open errors</dt><dd className={summary.open.errors > 0 ? 'bad' : ''}>{summary.open.errors}</dd></div>
          <div><dt>Open warnings</dt><dd>{summary.open.warnings}</dd></div>
          <div><dt>Active waivers</dt><dd>{summary.waivers.active}</dd></div>
        </dl>
        <ShareBar share={summary.cleanShare} width={360} label={`${Math.round(summary.cleanShare * 100)}% of published contracts clean`} />
      </section>
      <div className="two-columns">
        <section className="card" aria-labelledby="by-team">
          <h2 id="by-team">By team</h2>
          <StandingChart rows={teams} title="Clean share and open findings by team" />
        </section>
        <section className="card" aria-labelledby="by-domain">
          <h2 id="by-domain">By domain</h2>
          <StandingChart rows={domains} title="Clean share and open findings by domain" />
        </section>
      </div>
      <div className="two-columns">
        <section className="card" aria-labelledby="worst">
          <h2 id="worst">Worst findings</h2>
          {worst.length === 0 ? (
            <p className="muted">Every published contract is clean.</p>
          ) : (
            <ul className="plain-list rows">
              {worst.map((c) => (
                <li key={c.slug} className="row-head">
                  <span className="row-main">
                    <GovernanceGrade scorecard={c.scorecard} />
                    <span><Link to={`/contracts/${encodeURIComponent(c.slug)}/findings`}>{c.name}</Link><br /><span className="muted small">{c.team.name}</span></span>
                  </span>
                  <span className="small">{c.scorecard.open.errors} errors · {c.scorecard.open.warnings} warnings</span>
                </li>
              ))}
            </ul>
          )}
          {summary.topFailingRules.length > 0 && (
            <>
              <h3>Rules failed most often</h3>
              <ol className="rule-list">
                {summary.topFailingRules.map((r) => <li key={r.rule}><span className="mono">{r.rule}</span> <span className="muted small">in {r.contracts} contract{r.contracts === 1 ? '' : 's'}</span></li>)}
              </ol>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="waivers">
          <h2 id="waivers">Waivers by expiry</h2>
          {waivers.length === 0 ? (
            <p className="muted">No active waiver.</p>
          ) : (
            <ul className="plain-list rows">
              {waivers.map((w) => (
                <li key={w.id}>
                  <div className="row-head">
                    <span className="mono">{w.rule}</span>
                    <span className="badge">expires {formatDate(w.expiresAt)}</span>
                  </div>
                  <p className="muted small"><Link to={`/contracts/${encodeURIComponent(w.contract.slug)}`}>{w.contract.name}</Link></p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
