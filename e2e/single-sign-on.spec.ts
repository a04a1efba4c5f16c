import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { freePort } from '../server/test-support/free-port.js';
import { launchAccordServer, type AccordProcess } from '../server/test-support/spawn-accord-server.js';
import { screenshot } from './fixtures.js';

/**
 * An OpenID Connect provider that signs everyone in as one person at once: its authorization page
 * answers with a redirect back to Accord carrying a code, as a real provider does after its login.
 */
async function startProvider(): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const url = new URL(req.url ?? '/', base);
    const send = (body: object) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/.well-known/openid-configuration') return send({ issuer: base, authorization_endpoint: `${base}/authorize`, token_endpoint: `${base}/token`, userinfo_endpoint: `${base}/userinfo` });
    if (url.pathname === '/authorize') {
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.searchParams.set('code', 'one-time-code');
      back.searchParams.set('state', url.searchParams.get('state')!);
      return res.writeHead(302, { location: back.toString() }).end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      for await (const _ of req);
      return send({ access_token: 'provider-access-token', token_type: 'Bearer', expires_in: 3600 });
    }
    if (url.pathname === '/userinfo' && req.headers.authorization === 'Bearer provider-access-token') return send({ sub: 'employee-7', email: 'robin@example.com', name: 'Robin Sso', email_verified: true });
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

// This spec leaves Accord's origin on purpose (the provider's sign-in page), so it runs on
// Playwright's own test rather than the fixture that refuses other hosts, against a server of its own.
test.describe('single sign-on', () => {
  test.setTimeout(120_000);
  let provider: Awaited<ReturnType<typeof startProvider>>;
  let accord: AccordProcess;
  let url: string;
  let dir: string;

  test.beforeAll(async () => {
    provider = await startProvider();
    dir = await mkdtemp(join(tmpdir(), 'accord-sso-'));
    const port = await freePort();
    accord = launchAccordServer({
      location: { dataDir: join(dir, 'data') },
      port,
      env: { ACCORD_PUBLIC_URL: `http://127.0.0.1:${port}`, ACCORD_OIDC_ISSUER: provider.url, ACCORD_OIDC_CLIENT_ID: 'accord', ACCORD_OIDC_CLIENT_SECRET: 'provider-secret', ACCORD_OIDC_NAME: 'Example SSO' },
    });
    url = await accord.ready;
  });
  test.afterAll(async () => {
    await accord?.stop();
    provider?.server.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("offers the organisation's sign-on by name, and comes back signed in", async ({ page }) => {
    await page.goto(`${url}/sign-in`);
    const button = page.getByRole('button', { name: 'Sign in with Example SSO' });
    await expect(button).toBeVisible();
    await screenshot(page, 'sign-in-sso');
    await button.click();
    await expect(page.getByRole('banner')).toContainText('Robin Sso');
    expect(new URL(page.url()).origin).toBe(url);
  });
});
