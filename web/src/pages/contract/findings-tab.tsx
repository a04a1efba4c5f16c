import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { FindingList, type ListedFinding } from '../../components/finding-list.tsx';
import { formatDate } from '../../components/lifecycle-badge.tsx';
import { UsageExplanation } from '../../components/usage-explanation.tsx';
import { usageSummary } from '../../components/usage-summary.ts';
import { refusalMessage } from '../../graphql/refusal-message.ts';
import { consumersHit, useSubscriptions } from './consumers-hit.ts';
import { DECIDE_WAIVER, LATEST_FINDINGS, REQUEST_WAIVER, type ContractData } from './contract-query.ts';
import { useMaintainer } from './use-maintainer.ts';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function WaiverRequest({ contract, finding, onDone }: { contract: string; finding: ListedFinding; onDone: () => void }) {
  const [{ fetching, error }, request] = useMutation(REQUEST_WAIVER);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await request({ input: { contract, rule: finding.rule, operations: finding.operations, pointer: finding.pointer ?? null, reason: String(form.get('reason')), expiresAt: new Date(`${String(form.get('expires'))}T23:59:59Z`).toISOString() } });
    if (!result.error) onDone();
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <label>Why this finding may stay <input name="reason" required minLength={3} /></label>
      <label>Until <input name="expires" type="date" required defaultValue={inDays(30)} min={inDays(1)} /></label>
      <button className="button" type="submit" disabled={fetching}>Request waiver</button>
      {error && <p role="alert" className="alert error">{refusalMessage(error)}</p>}
    </form>
  );
}

/** The latest version's findings, and the waivers that excuse some of them for a while. */
export function FindingsTab({ contract }: { contract: ContractData }) {
  const { me, maintainer } = useMaintainer(contract.team.slug);
  const [asking, setAsking] = useState<string>();
  const [decision, decide] = useMutation(DECIDE_WAIVER.approve);
  const [revocation, revoke] = useMutation(DECIDE_WAIVER.revoke);
  const [{ data }, refetch] = useQuery({ query: LATEST_FINDINGS, variables: { slug: contract.slug } });
  const latest = data?.contract?.latest;
  const waivers = data?.contract?.waivers.edges.map((e) => e.node) ?? [];
  const settings = data?.contract?.usageSettings;
  const subscriptions = useSubscriptions(contract.slug);
  const failure = decision.error ?? revocation.error;
  return (
    <div className="stack">
      <section aria-labelledby="latest-findings">
        <h2 id="latest-findings">Findings of {latest ? <span className="mono">{latest.version}</span> : 'the latest version'}</h2>
        {settings && latest && <UsageExplanation usage={{ ...settings, explanation: usageSummary(latest.findings) }} />}
        {latest ? (
          <FindingList
            findings={latest.findings}
            consumersOf={(f) => consumersHit(subscriptions, f)}
            actions={(f) => {
              if (!me || f.level === 'info' || f.accepted) return null;
              const key = `${f.rule} ${f.pointer ?? ''} ${f.operations.join(',')}`;
              return asking === key ? <WaiverRequest
                  contract={contract.slug}
                  finding={f}
                  onDone={() => {
                    setAsking(undefined);
                    // A new waiver is in no list the cache holds yet: ask again, so it shows at once.
                    refetch({ requestPolicy: 'network-only' });
                  }}
                /> : <button type="button" className="button ghost" onClick={() => setAsking(key)}>Request a waiver…</button>;
            }}
          />
        ) : (
          <p className="muted">{data ? 'No version yet.' : 'Loading…'}</p>
        )}
      </section>
      <section aria-labelledby="waivers">
        <h2 id="waivers">Waivers</h2>
        {failure && <p role="alert" className="alert error">{refusalMessage(failure)}</p>}
        {waivers.length === 0 ? (
          <p className="muted">No waivers.</p>
        ) : (
          <table>
            <thead><tr><th scope="col">Rule</th><th scope="col">Reason</th><th scope="col">State</th><th scope="col">Expires</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {waivers.map((w) => (
                <tr key={w.id}>
                  <td><code>{w.rule}</code><div className="muted mono">{w.operations.join(', ')}</div></td>
                  <td>{w.reason}<div className="muted">asked by {w.requestedBy}</div></td>
                  <td><span className={`badge waiver-${w.state}`}>{w.state}</span></td>
                  <td>{formatDate(w.expiresAt)}</td>
                  <td className="actions">
                    {maintainer && w.state === 'requested' && <button type="button" className="button" onClick={() => decide({ id: w.id })}>Approve</button>}
                    {maintainer && (w.state === 'requested' || w.state === 'active') && <button type="button" className="button danger" onClick={() => revoke({ id: w.id })}>Revoke</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
