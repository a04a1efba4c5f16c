import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { formatDate } from '../../components/lifecycle-badge.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { refusalMessage } from '../../graphql/refusal-message.ts';
import { CREATE_WEBHOOK, DISABLE_WEBHOOK, TEST_WEBHOOK, WEBHOOK_SYSTEMS, WEBHOOKS, type Webhook } from './admin-queries.ts';

/** Where registry events go, per system, and how the last deliveries went. */
export function WebhooksSection() {
  const [systems] = useQuery({ query: WEBHOOK_SYSTEMS });
  const [chosen, setChosen] = useState('');
  if (!systems.data) return <QueryState fetching={systems.fetching} error={systems.error} what="systems" />;
  const all = systems.data.systems.edges.map((e) => e.node);
  const system = chosen || all[0]?.slug || '';
  return (
    <>
      <label className="inline-field">
        System
        <select value={system} onChange={(e) => setChosen(e.target.value)}>{all.map((s) => <option key={s.slug} value={s.slug}>{s.name}</option>)}</select>
      </label>
      {system && <SystemWebhooks system={system} />}
    </>
  );
}

function SystemWebhooks({ system }: { system: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: WEBHOOKS, variables: { system } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (!data) return <QueryState fetching={fetching} error={error} what="webhooks" />;
  const hooks = data.system?.webhooks ?? [];
  const name = data.system?.name ?? system;
  return (
    <div className="two-columns wide-left">
      <section className="card" aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">Webhooks of {name}</h2>
        {hooks.length === 0 ? <p className="muted">No webhook yet: this system's events reach nobody outside Accord.</p> : <ul className="plain-list rows">{hooks.map((w) => <WebhookRow key={w.id} webhook={w} systemName={name} onChanged={reload} />)}</ul>}
      </section>
      <WebhookForm system={system} name={name} onCreated={reload} />
    </div>
  );
}

function WebhookRow({ webhook, systemName, onChanged }: { webhook: Webhook; systemName: string; onChanged: () => void }) {
  const [disabling, disable] = useMutation(DISABLE_WEBHOOK);
  const [testing, test] = useMutation(TEST_WEBHOOK);
  const problem = disabling.error ?? testing.error;
  return (
    <li>
      <div className="row-head">
        <span><span className="mono">{webhook.url}</span><br /><span className="muted small">{systemName} · {webhook.events.length === 0 ? 'every event' : webhook.events.join(', ')}</span></span>
        <span className="actions">
          <span className={`badge ${webhook.active ? 'status-approved' : 'status-revoked'}`}>{webhook.active ? 'active' : 'disabled'}</span>
          {webhook.active && <button type="button" className="button" disabled={testing.fetching} onClick={async () => { if (!(await test({ id: webhook.id })).error) onChanged(); }}>Send a test</button>}
          {webhook.active && <button type="button" className="button danger" disabled={disabling.fetching} onClick={async () => { if (!(await disable({ id: webhook.id })).error) onChanged(); }}>Disable</button>}
        </span>
      </div>
      {problem && <p role="alert" className="alert error">{refusalMessage(problem)}</p>}
      {webhook.deliveries.edges.length > 0 && (
        <table className="data-table compact">
          <caption className="visually-hidden">Last deliveries to {webhook.url}</caption>
          <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Answer</th><th scope="col">Created</th></tr></thead>
          <tbody>
            {webhook.deliveries.edges.map(({ node: d }) => (
              <tr key={d.id}><td className="mono">{d.eventType}</td><td><span className={`badge delivery-${d.status}`}>{d.status}</span></td><td>{d.attempts}</td><td className="small">{d.lastStatus ?? d.lastError ?? '—'}</td><td className="small">{formatDate(d.createdAt)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

function WebhookForm({ system, name, onCreated }: { system: string; name: string; onCreated: () => void }) {
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [{ fetching, error }, create] = useMutation(CREATE_WEBHOOK);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({ system, input: { url: url.trim() } });
    if (result.data) {
      setSecret(result.data.createWebhook.secret);
      setUrl('');
      onCreated();
    }
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="webhook-form">
      <h2 id="webhook-form">New webhook</h2>
      <p className="muted small">Registry events about {name}'s contracts, signed with a secret shown once.</p>
      <label>URL<input type="url" value={url} onChange={(e) => setUrl(e.target.value)} required placeholder="https://hooks.example.com/accord" /></label>
      {error && <p role="alert" className="alert error">{refusalMessage(error)}</p>}
      {secret && <p role="status" className="alert ok">Signing secret, shown once:<br /><code>{secret}</code></p>}
      <button type="submit" className="button primary" disabled={fetching}>Create webhook</button>
    </form>
  );
}
