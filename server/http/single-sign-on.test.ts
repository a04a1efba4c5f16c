import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

/**
 * A minimal OpenID Connect provider: discovery, a token endpoint and userinfo. The browser's
 * visit to its authorization page is skipped; the test returns to Accord's callback with a code
 * as the provider would after the person signed in there.
 */
async function startProvider(): Promise<{ url: string; server: Server; tokenRequests: URLSearchParams[] }> {
  const tokenRequests: URLSearchParams[] = [];
  const server = createServer(async (req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const send = (body: object) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/.well-known/openid-configuration') return send({ issuer: base, authorization_endpoint: `${base}/authorize`, token_endpoint: `${base}/token`, userinfo_endpoint: `${base}/userinfo` });
    if (req.url === '/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      tokenRequests.push(new URLSearchParams(body));
      return send({ access_token: 'provider-access-token', token_type: 'Bearer', expires_in: 3600 });
    }
    if (req.url === '/userinfo' && req.headers.authorization === 'Bearer provider-access-token') return send({ sub: 'employee-42', email: 'sam@example.com', name: 'Sam Sso', email_verified: true });
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, tokenRequests };
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!);

describe('single sign-on through an OpenID Connect provider', () => {
  let provider: Awaited<ReturnType<typeof startProvider>>;
  let accord: TestServer;
  beforeAll(async () => {
    provider = await startProvider();
    accord = await startTestServer({ env: { ACCORD_OIDC_ISSUER: provider.url, ACCORD_OIDC_CLIENT_ID: 'accord', ACCORD_OIDC_CLIENT_SECRET: 'provider-secret', ACCORD_OIDC_NAME: 'Example SSO' } });
  });
  afterAll(async () => {
    await accord?.close();
    provider?.server.close();
  });

  it('tells the sign-in page that single sign-on is offered, under the name configured', async () => {
    const methods = await accord.json('GET', '/api/v1/sign-in-methods', undefined, { token: null });
    expect(methods).toMatchObject({ status: 200, body: { password: true, singleSignOn: { name: 'Example SSO' } } });
  });

  it('signs a person in and creates them as a viewer on first visit', async () => {
    const start = await fetch(`${accord.url}/api/auth/sign-in/social`, { method: 'POST', headers: { 'content-type': 'application/json', origin: accord.url }, body: JSON.stringify({ provider: 'oidc', callbackURL: '/' }) });
    expect(start.status).toBe(200);
    const { url } = (await start.json()) as { url: string };
    const authorize = new URL(url);
    expect(authorize.origin + authorize.pathname).toBe(`${provider.url}/authorize`);
    expect(authorize.searchParams.get('client_id')).toBe('accord');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const state = authorize.searchParams.get('state')!;

    const callback = await fetch(`${accord.url}/api/auth/callback/oidc?code=one-time-code&state=${encodeURIComponent(state)}`, { headers: { cookie: cookiesOf(start).join('; ') }, redirect: 'manual' });
    expect(callback.status).toBe(302);
    expect(provider.tokenRequests[0]?.get('code')).toBe('one-time-code');
    expect(provider.tokenRequests[0]?.get('code_verifier')).toBeTruthy();
    const session = cookiesOf(callback).filter((c) => c.includes('session_token'));
    expect(session).toHaveLength(1);

    const me = await accord.json<{ kind: string; user: { email: string; name: string; role: string } }>('GET', '/api/v1/me', undefined, { token: null, headers: { cookie: session[0]! } });
    expect(me.body).toMatchObject({ kind: 'user', user: { email: 'sam@example.com', name: 'Sam Sso', role: 'user' } });
    const write = await accord.json('POST', '/api/v1/teams', { slug: 'sso', name: 'SSO' }, { token: null, headers: { cookie: session[0]!, origin: accord.url } });
    expect(write.status).toBe(403);
  });
});
