import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { formatDate } from '../../components/lifecycle-badge.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { useMe } from '../../graphql/me.ts';
import { refusalMessage } from '../../graphql/refusal-message.ts';
import { CreatedKey } from './created-key.tsx';
import { ALL_TEAMS, CREATE_KEY, REVOKE_KEY, SCOPES, TEAM_KEYS, type ApiKey } from './api-keys-query.ts';

const stateOf = (key: ApiKey, now = Date.now()) => (key.revokedAt ? 'revoked' : key.expiresAt && Date.parse(key.expiresAt) <= now ? 'expired' : 'active');

/** API keys for CI: a team's maintainers create them with the scopes a pipeline needs, and revoke them. */
export function ApiKeysPage() {
  const { me, fetching } = useMe();
  const [teams] = useQuery({ query: ALL_TEAMS, pause: me?.role !== 'admin' });
  const [params, setParams] = useSearchParams();
  if (!me) return fetching ? <p className="loading" role="status">Loading…</p> : <p className="alert warn"><Link to="/sign-in">Sign in</Link> to manage API keys.</p>;
  const manageable = me.role === 'admin' ? (teams.data?.teams.edges.map((e) => e.node) ?? []) : me.memberships.filter((m) => m.role === 'maintainer').map((m) => ({ slug: m.team, name: m.team }));
  const team = params.get('team') ?? manageable[0]?.slug ?? '';
  return (
    <div className="page api-keys-page">
      <header className="page-head">
        <h1>API keys</h1>
        <p className="muted">Keys let a CI pipeline publish and check a team's contracts. Give each pipeline its own key with only the scopes it needs.</p>
      </header>
      {manageable.length === 0 ? (
        <p className="alert warn">You maintain no team, so you cannot create keys. Ask a maintainer of your team.</p>
      ) : (
        <>
          <label className="inline-field">
            Team
            <select value={team} onChange={(event) => setParams({ team: event.target.value }, { replace: true })}>
              {manageable.map((t) => <option key={t.slug} value={t.slug}>{t.name}</option>)}
            </select>
          </label>
          {team && <TeamKeys team={team} />}
        </>
      )}
    </div>
  );
}

function TeamKeys({ team }: { team: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: TEAM_KEYS, variables: { team } });
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (!data) return <QueryState fetching={fetching} error={error} what="the keys" />;
  const keys = data.team?.apiKeys ?? [];
  return (
    <div className="two-columns wide-left">
      <section className="card" aria-labelledby="keys">
        <h2 id="keys">Keys of {data.team?.name ?? team}</h2>
        {created && <CreatedKey name={created.name} secret={created.secret} onDone={() => setCreated(null)} />}
        {keys.length === 0 ? <p className="muted">No key yet.</p> : (
          <div className="table-scroll"><table className="data-table">
            <thead><tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Scopes</th><th scope="col">Expires</th><th scope="col">Last used</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>{keys.map((key) => <KeyRow key={key.id} apiKey={key} onRevoked={reload} />)}</tbody>
          </table></div>
        )}
      </section>
      <CreateKeyForm team={team} onCreated={(name, secret) => { setCreated({ name, secret }); reload(); }} />
    </div>
  );
}

function KeyRow({ apiKey, onRevoked }: { apiKey: ApiKey; onRevoked: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [{ fetching, error }, revoke] = useMutation(REVOKE_KEY);
  const state = stateOf(apiKey);
  return (
    <tr className={state === 'active' ? '' : 'row-dim'}>
      <td>{apiKey.name} {state !== 'active' && <span className={`badge state-${state}`}>{state}</span>}</td>
      <td className="mono">{apiKey.prefix}…</td>
      <td>{apiKey.scopes.map((s) => <span key={s} className="tag">{s}</span>)}</td>
      <td>{apiKey.expiresAt ? formatDate(apiKey.expiresAt) : 'never'}</td>
      <td>{apiKey.lastUsedAt ? formatDate(apiKey.lastUsedAt) : 'never'}</td>
      <td><div className="actions">
        {state === 'active' && (confirming ? (
          <span className="confirm">
            <button type="button" className="button danger" disabled={fetching} onClick={async () => { const result = await revoke({ id: apiKey.id }); if (!result.error) onRevoked(); }}>Revoke {apiKey.name} now</button>
            <button type="button" className="button ghost" onClick={() => setConfirming(false)}>Keep</button>
          </span>
        ) : (
          <button type="button" className="button danger" onClick={() => setConfirming(true)} aria-label={`Revoke ${apiKey.name}`}>Revoke</button>
        ))}
        {error && <p role="alert" className="alert error">{refusalMessage(error)}</p>}
      </div></td>
    </tr>
  );
}

function CreateKeyForm({ team, onCreated }: { team: string; onCreated: (name: string, secret: string) => void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['contracts:read', 'checks:run']);
  const [expires, setExpires] = useState(() => new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10));
  const [{ fetching, error }, create] = useMutation(CREATE_KEY);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({ input: { name: name.trim(), team, scopes, ...(expires && { expiresAt: new Date(`${expires}T23:59:59Z`).toISOString() }) } });
    if (result.data) {
      onCreated(result.data.createApiKey.apiKey.name, result.data.createApiKey.key);
      setName('');
    }
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="new-key">
      <h2 id="new-key">New key</h2>
      <label>Name<input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} placeholder="e.g. inventory CI" /></label>
      <fieldset>
        <legend>Scopes</legend>
        {SCOPES.map(({ scope, meaning }) => (
          <label key={scope} className="checkbox">
            <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))} />
            <span><span className="mono">{scope}</span> <span className="muted small">{meaning}</span></span>
          </label>
        ))}
      </fieldset>
      <label>Expires on<input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} /></label>
      {error && <p role="alert" className="alert error">{refusalMessage(error)}</p>}
      <button type="submit" className="button primary" disabled={fetching || scopes.length === 0}>Create key</button>
    </form>
  );
}
