import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { refusalMessage } from '../../graphql/refusal-message.ts';
import { useSubscriptions } from './consumers-hit.ts';
import { DECIDE_SUBSCRIPTION, LATEST_OPERATIONS, MY_SYSTEMS, REQUEST_SUBSCRIPTION, type ContractData, type SubscriptionData } from './contract-query.ts';
import { useMaintainer } from './use-maintainer.ts';

function SubscribeForm({ contract, team }: { contract: ContractData; team: string }) {
  const [{ data: systems }] = useQuery({ query: MY_SYSTEMS, variables: { team } });
  const [{ fetching, error, data }, request] = useMutation(REQUEST_SUBSCRIPTION);
  const major = contract.latestVersion?.split('.')[0];
  const [{ data: latest }] = useQuery({ query: LATEST_OPERATIONS, variables: { slug: contract.slug } });
  const operations = latest?.contract?.latest?.operations ?? [];
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const note = String(form.get('note') ?? '');
    await request({ input: { contract: contract.slug, consumer: String(form.get('consumer')), range: String(form.get('range')), operations: form.getAll('operations').map(String), ...(note && { note }) } });
  }
  const mine = systems?.systems.edges.map((e) => e.node) ?? [];
  if (data) return <p role="status" className="alert ok">Subscription requested. The owners of {contract.name} approve or reject it.</p>;
  return (
    <form className="card stack subscribe-form" onSubmit={submit} aria-labelledby="subscribe-title">
      <h3 id="subscribe-title">Subscribe a system of yours</h3>
      <label>Your system
        <select name="consumer" required>{mine.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}</select>
      </label>
      <label>Version range <input name="range" required defaultValue={major ? `^${major}.0.0` : '*'} aria-describedby="range-help" /></label>
      <p id="range-help" className="muted">A semver range such as ^2.0.0: the versions your system works with.</p>
      <fieldset>
        <legend>Operations you use</legend>
        {operations.map((op) => (
          <label key={op.key} className="checkbox"><input type="checkbox" name="operations" value={op.key} /> <span className="mono">{op.key}</span>{op.summary && <span className="muted"> — {op.summary}</span>}</label>
        ))}
      </fieldset>
      <label>Note for the owners <input name="note" /></label>
      {error && <p role="alert" className="alert error">{refusalMessage(error)}</p>}
      <button className="button primary" type="submit" disabled={fetching || mine.length === 0}>Request subscription</button>
    </form>
  );
}

function Decisions({ subscription }: { subscription: SubscriptionData }) {
  const [approval, approve] = useMutation(DECIDE_SUBSCRIPTION.approve);
  const [rejection, reject] = useMutation(DECIDE_SUBSCRIPTION.reject);
  const [revocation, revoke] = useMutation(DECIDE_SUBSCRIPTION.revoke);
  const error = approval.error ?? rejection.error ?? revocation.error;
  return (
    <>
      {subscription.status === 'requested' && <button type="button" className="button primary" onClick={() => approve({ id: subscription.id })}>Approve {subscription.consumer.name}</button>}
      {subscription.status === 'requested' && <button type="button" className="button danger" onClick={() => reject({ id: subscription.id })}>Reject</button>}
      {subscription.status === 'approved' && <button type="button" className="button danger" onClick={() => revoke({ id: subscription.id })}>Revoke</button>}
      {error && <p role="alert" className="alert error">{refusalMessage(error)}</p>}
    </>
  );
}

/** Who uses the contract and which operations; consumers subscribe here and owners decide. */
export function ConsumersTab({ contract }: { contract: ContractData }) {
  const { me, maintainer } = useMaintainer(contract.team.slug);
  const [subscribing, setSubscribing] = useState(false);
  const subscriptions = useSubscriptions(contract.slug);
  const myTeam = me?.memberships[0]?.team;
  return (
    <div className="stack">
      <div className="toolbar">
        <h2>Consumers</h2>
        {me && myTeam && !subscribing && <button type="button" className="button primary" onClick={() => setSubscribing(true)}>Subscribe…</button>}
        {!me && <Link className="button" to={`/sign-in?next=${encodeURIComponent(`/contracts/${contract.slug}/consumers`)}`}>Sign in to subscribe</Link>}
      </div>
      {subscribing && myTeam && <SubscribeForm contract={contract} team={myTeam} />}
      {subscriptions.length === 0 ? (
        <p className="muted">No system has subscribed yet.</p>
      ) : (
        <table>
          <thead><tr><th scope="col">Consumer</th><th scope="col">Range</th><th scope="col">Operations</th><th scope="col">Status</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {subscriptions.map((s) => (
              <tr key={s.id}>
                <td>{s.consumer.name}<div className="muted">{s.consumer.team.name}</div></td>
                <td className="mono">{s.range}</td>
                <td className="mono">{s.operations.join(', ')}</td>
                <td><span className={`badge subscription-${s.status}`}>{s.status}</span></td>
                <td className="actions">{maintainer && <Decisions subscription={s} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
