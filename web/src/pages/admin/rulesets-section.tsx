import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { QueryState } from '../../components/query-state.tsx';
import { refusalMessage } from '../../graphql/refusal-message.ts';
import { ASSIGN, RULESETS, UNASSIGN } from './admin-queries.ts';

type Scope = 'global' | 'domain' | 'team' | 'contract';

/** The policy rulesets and where each applies: everywhere, or to a domain, a team or a contract. */
export function RulesetsSection() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: RULESETS });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [unassigning, unassign] = useMutation(UNASSIGN);
  const [scope, setScope] = useState<Scope>('domain');
  const [target, setTarget] = useState('');
  const [ruleset, setRuleset] = useState('');
  const [assigning, assign] = useMutation(ASSIGN);
  if (!data) return <QueryState fetching={fetching} error={error} what="rulesets" />;
  const chosen = ruleset || data.rulesets[0]?.name || '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await assign({ input: { scope, ruleset: chosen, ...(scope !== 'global' && { target: target.trim() }) } })).error) {
      setTarget('');
      reload();
    }
  };
  return (
    <div className="two-columns wide-left">
      <div className="stack">
        <section className="card" aria-labelledby="rulesets-heading">
          <h2 id="rulesets-heading">Rulesets</h2>
          <ul className="plain-list rows">
            {data.rulesets.map((r) => (
              <li key={r.name}>
                <div className="row-head"><span className="mono">{r.name}</span><span className="badge">{r.shipped ? 'shipped' : `version ${r.version}`}</span></div>
                {r.description && <p className="muted small">{r.description}</p>}
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="assignments-heading">
          <h2 id="assignments-heading">Assignments</h2>
          {unassigning.error && <p role="alert" className="alert error">{refusalMessage(unassigning.error)}</p>}
          <table className="data-table">
            <thead><tr><th scope="col">Applies to</th><th scope="col">Ruleset</th><th scope="col">By</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {data.rulesetAssignments.edges.map(({ node: a }) => (
                <tr key={a.id}>
                  <td>{a.scope === 'global' ? 'every contract' : <>{a.scope} <span className="mono">{a.target}</span></>}{a.lifecycle && <span className="muted small"> ({a.lifecycle})</span>}</td>
                  <td className="mono">{a.ruleset}</td>
                  <td className="small">{a.createdBy}</td>
                  <td><button type="button" className="button danger" aria-label={`Unassign ${a.ruleset} from ${a.scope} ${a.target}`} onClick={async () => { if (!(await unassign({ id: a.id })).error) reload(); }}>Unassign</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <form className="card stack" onSubmit={submit} aria-labelledby="assign-heading">
        <h2 id="assign-heading">Assign a ruleset</h2>
        <label>Ruleset<select value={chosen} onChange={(e) => setRuleset(e.target.value)}>{data.rulesets.map((r) => <option key={r.name} value={r.name}>{r.name}</option>)}</select></label>
        <label>Applies to<select value={scope} onChange={(e) => setScope(e.target.value as Scope)}><option value="global">every contract</option><option value="domain">a domain</option><option value="team">a team</option><option value="contract">a contract</option></select></label>
        {scope !== 'global' && <label>{scope === 'domain' ? 'Domain' : scope === 'team' ? 'Team slug' : 'Contract slug'}<input value={target} onChange={(e) => setTarget(e.target.value)} required /></label>}
        {assigning.error && <p role="alert" className="alert error">{refusalMessage(assigning.error)}</p>}
        <button type="submit" className="button primary" disabled={assigning.fetching}>Assign</button>
      </form>
    </div>
  );
}
