/** Sign-in and sign-out go to the session endpoints; everything else the catalog does is GraphQL. */
export async function signIn({ email, password }: { email: string; password: string }): Promise<{ ok: true } | { ok: false; message: string }> {
  const response = await fetch('/api/auth/sign-in/email', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (response.ok) return { ok: true };
  if (response.status === 429) return { ok: false, message: 'Too many attempts; wait a minute and try again.' };
  if (response.status === 401 || response.status === 400 || response.status === 403) return { ok: false, message: 'That email and password do not match an account.' };
  return { ok: false, message: 'Accord could not sign you in right now; try again shortly.' };
}

export async function signOut(): Promise<void> {
  await fetch('/api/auth/sign-out', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: '{}' });
}
