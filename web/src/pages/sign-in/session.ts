/** Sign-in and sign-out go to the session endpoints; everything else the catalog does is GraphQL. */
export async function signIn({ email, password }: { email: string; password: string }): Promise<{ ok: true } | { ok: false; message: string }> {
  const response = await fetch('/api/auth/sign-in/email', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (response.ok) return { ok: true };
  if (response.status === 429) return { ok: false, message: 'Too many attempts; wait a minute and try again.' };
  if (response.status === 401 || response.status === 400 || response.status === 403) return { ok: false, message: 'That email and password do not match an account.' };
  return { ok: false, message: 'Accord could not sign you in right now; try again shortly.' };
}

export interface SignInMethods {
  password: boolean;
  singleSignOn: { name: string } | null;
}

/** What this installation offers; email and password alone when the question cannot be answered. */
export async function signInMethods(): Promise<SignInMethods> {
  const response = await fetch('/api/v1/sign-in-methods', { credentials: 'same-origin', headers: { accept: 'application/json' } }).catch(() => undefined);
  if (!response?.ok) return { password: true, singleSignOn: null };
  return (await response.json()) as SignInMethods;
}

/** Starts single sign-on: the provider's page, then back to Accord at `next`. */
export async function startSingleSignOn(next: string): Promise<{ ok: true; url: string } | { ok: false; message: string }> {
  const response = await fetch('/api/auth/sign-in/social', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ provider: 'oidc', callbackURL: next }) });
  const body = response.ok ? ((await response.json()) as { url?: string }) : {};
  return body.url ? { ok: true, url: body.url } : { ok: false, message: 'Single sign-on could not start right now; try again shortly or use your password.' };
}

export async function signOut(): Promise<void> {
  await fetch('/api/auth/sign-out', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: '{}' });
}
