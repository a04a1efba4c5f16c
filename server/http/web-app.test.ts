import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_CONTENT_SECURITY_POLICY, webApp } from './web-app.js';

describe('the web UI as the server serves it', () => {
  let dir: string;
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'accord-web-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Accord</title><script type="module" src="/assets/index-abc123.js"></script>');
    await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log("catalog")');
    await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const app = express();
    app.use(webApp({ root: dir, log: pino({ level: 'silent' }) }));
    app.use((_req, res) => void res.status(404).json({ code: 'route-not-found' }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(async () => {
    await close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers a client route with the app, revalidated, under a policy that allows only its own scripts', async () => {
    const res = await fetch(`${url}/contracts/inventory-stock-api/versions`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Accord</title>');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toBe(WEB_CONTENT_SECURITY_POLICY);
    expect(WEB_CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it('caches hashed assets for good, and answers a missing asset with 404 rather than the app', async () => {
    const asset = await fetch(`${url}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${url}/assets/index-gone.js`, { headers: { accept: 'text/html' } })).status).toBe(404);
    expect((await fetch(`${url}/favicon.svg`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('leaves the server’s own paths to the server', async () => {
    for (const path of ['/api/v1/contracts', '/graphql', '/healthz', '/readyz', '/metrics']) {
      const res = await fetch(`${url}${path}`, { headers: { accept: 'text/html' } });
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
  });

  it('does not answer a request for JSON with the app', async () => {
    expect((await fetch(`${url}/contracts/x`, { headers: { accept: 'application/json' } })).status).toBe(404);
  });
});
