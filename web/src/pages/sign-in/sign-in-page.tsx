import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useClient } from 'urql';
import { ME } from '../../graphql/me.ts';
import { signIn } from './session.ts';

/** Email and password; where the person was going comes back as `?next=`. */
export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useClient();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const next = params.get('next')?.startsWith('/') && !params.get('next')?.startsWith('//') ? params.get('next')! : '/';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await signIn({ email: String(form.get('email')), password: String(form.get('password')) });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    await client.query(ME, {}, { requestPolicy: 'network-only' }).toPromise();
    navigate(next);
  }

  return (
    <section className="sign-in">
      <h1>Sign in to Accord</h1>
      <p className="muted">Publish contracts, subscribe your systems and approve what others ask of yours.</p>
      <form onSubmit={submit} className="card stack">
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && <p role="alert" className="alert error">{error}</p>}
        <button className="button primary" type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </section>
  );
}
