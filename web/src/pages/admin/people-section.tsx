import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { QueryState } from '../../components/query-state.tsx';
import { refusalMessage } from '../../graphql/refusal-message.ts';
import { CREATE_PERSON, CREATE_TEAM, PEOPLE_AND_TEAMS, PUT_MEMBER, REMOVE_MEMBER, SET_PERSON_ROLE } from './admin-queries.ts';

/** People, the teams they belong to and their role in each. */
export function PeopleSection() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: PEOPLE_AND_TEAMS });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [removal, remove] = useMutation(REMOVE_MEMBER);
  const [roleChange, setRole] = useMutation(SET_PERSON_ROLE);
  if (!data) return <QueryState fetching={fetching} error={error} what="people and teams" />;
  const people = data.people.edges.map((e) => e.node);
  const teams = data.teams.edges.map((e) => e.node);
  return (
    <div className="two-columns wide-left">
      <div className="stack">
        <section className="card" aria-labelledby="teams-heading">
          <h2 id="teams-heading">Teams and roles</h2>
          {removal.error && <p role="alert" className="alert error">{refusalMessage(removal.error)}</p>}
          <table className="data-table">
            <thead><tr><th scope="col">Team</th><th scope="col">Members</th></tr></thead>
            <tbody>
              {teams.map((team) => (
                <tr key={team.slug}>
                  <td><Link to={`/teams/${encodeURIComponent(team.slug)}`}>{team.name}</Link></td>
                  <td>
                    {team.members.length === 0 ? <span className="muted">nobody</span> : (
                      <ul className="plain-list member-chips">
                        {team.members.map((m) => (
                          <li key={m.userId} className="chip">
                            {m.name} <span className={`badge role-${m.role}`}>{m.role}</span>
                            <button type="button" className="chip-remove" aria-label={`Remove ${m.name} from ${team.name}`} onClick={async () => { if (!(await remove({ team: team.slug, userId: m.userId })).error) reload(); }}>×</button>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="people-heading">
          <h2 id="people-heading">People</h2>
          {roleChange.error && <p role="alert" className="alert error">{refusalMessage(roleChange.error)}</p>}
          <table className="data-table">
            <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th></tr></thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{p.email}</td>
                  <td>
                    <select aria-label={`Role of ${p.name}`} value={p.role} disabled={roleChange.fetching} onChange={async (e) => { if (!(await setRole({ id: p.id, role: e.target.value as 'admin' | 'user' })).error) reload(); }}>
                      <option value="user">user</option>
                      <option value="admin">admin</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <div className="stack">
        <PersonForm onSaved={reload} />
        <MemberForm teams={teams} people={people} onSaved={reload} />
        <TeamForm onSaved={reload} />
      </div>
    </div>
  );
}

function MemberForm({ teams, people, onSaved }: { teams: { slug: string; name: string }[]; people: { email: string; name: string }[]; onSaved: () => void }) {
  const [team, setTeam] = useState(teams[0]?.slug ?? '');
  const [email, setEmail] = useState(people[0]?.email ?? '');
  const [role, setRole] = useState<'maintainer' | 'member'>('member');
  const [{ fetching, error, data }, put] = useMutation(PUT_MEMBER);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await put({ team, email, role })).error) onSaved();
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="member-form">
      <h2 id="member-form">Give someone a role</h2>
      <label>Person<select value={email} onChange={(e) => setEmail(e.target.value)}>{people.map((p) => <option key={p.email} value={p.email}>{p.name} ({p.email})</option>)}</select></label>
      <label>Team<select value={team} onChange={(e) => setTeam(e.target.value)}>{teams.map((t) => <option key={t.slug} value={t.slug}>{t.name}</option>)}</select></label>
      <label>Role<select value={role} onChange={(e) => setRole(e.target.value as 'maintainer' | 'member')}><option value="member">member</option><option value="maintainer">maintainer</option></select></label>
      {error && <p role="alert" className="alert error">{refusalMessage(error)}</p>}
      {data && !error && <p role="status" className="alert ok">Saved.</p>}
      <button type="submit" className="button primary" disabled={fetching}>Save role</button>
    </form>
  );
}

function PersonForm({ onSaved }: { onSaved: () => void }) {
  const [{ fetching, error, data }, create] = useMutation(CREATE_PERSON);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = new FormData(form);
    const input = { name: String(fields.get('name')).trim(), email: String(fields.get('email')).trim(), password: String(fields.get('password')), role: fields.get('admin') ? ('admin' as const) : ('user' as const) };
    if (!(await create({ input })).error) {
      form.reset();
      onSaved();
    }
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="person-form">
      <h2 id="person-form">Add a person</h2>
      <label>Name<input name="name" required autoComplete="off" /></label>
      <label>Email<input name="email" type="email" required autoComplete="off" /></label>
      <label>First password<input name="password" type="password" required minLength={12} autoComplete="new-password" /></label>
      <label className="inline"><input name="admin" type="checkbox" /> Administrator</label>
      {error && <p role="alert" className="alert error">{refusalMessage(error)}</p>}
      {data && !error && <p role="status" className="alert ok">Added. Give them their first password in person; they sign in with it at once.</p>}
      <button type="submit" className="button primary" disabled={fetching}>Add person</button>
    </form>
  );
}

function TeamForm({ onSaved }: { onSaved: () => void }) {
  const [slug, setSlug] = useState('');
  const [name, setName] = useState('');
  const [{ fetching, error }, create] = useMutation(CREATE_TEAM);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await create({ input: { slug: slug.trim(), name: name.trim() } })).error) {
      setSlug('');
      setName('');
      onSaved();
    }
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="team-form">
      <h2 id="team-form">New team</h2>
      <label>Name<input value={name} onChange={(e) => setName(e.target.value)} required /></label>
      <label>Slug<input value={slug} onChange={(e) => setSlug(e.target.value)} required pattern="[a-z0-9][a-z0-9-]*" placeholder="lowercase-with-dashes" /></label>
      {error && <p role="alert" className="alert error">{refusalMessage(error)}</p>}
      <button type="submit" className="button primary" disabled={fetching}>Create team</button>
    </form>
  );
}
