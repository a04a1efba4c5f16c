import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useClient } from 'urql';
import { ME } from '../../graphql/me.ts';
import { signIn, signInMethods, startSingleSignOn, type SignInMethods } from './session.ts';

/** Email and password, and the organisation's single sign-on when configured; where the person was going comes back as `?next=`. */
export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useClient();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [methods, setMethods] = useState<SignInMethods>();
  useEffect(() => void signInMethods().then(setMethods), []);
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

  async function singleSignOn() {
    setBusy(true);
    const started = await startSingleSignOn(next);
    if (started.ok) return void window.location.assign(started.url);
    setBusy(false);
    setError(started.message);
  }

  return (
    <section className="sign-in">
      <h1>Sign in to Accord</h1>
      <p className="muted">Publish contracts, subscribe your systems and approve what others ask of yours.</p>
      {methods?.singleSignOn && (
        <div className="card stack">
          <button className="button primary" type="button" onClick={singleSignOn} disabled={busy}>
            Sign in with {methods.singleSignOn.name}
          </button>
          <p className="muted">Or with the email and password an administrator gave you:</p>
        </div>
      )}
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
