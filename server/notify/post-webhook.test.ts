import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from './__fixtures__/webhook-receiver.js';
import { guardedLookup } from './guarded-lookup.js';
import { postWebhook } from './post-webhook.js';

let receiver: WebhookReceiver;
let port: string;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  port = new URL(receiver.url).port;
});
afterAll(() => receiver?.close());

const post = (url: string, allowPrivate = false, extra: { timeoutMs?: number } = {}) => postWebhook({ url, body: '{"id":"1"}', headers: { 'content-type': 'application/cloudevents+json' }, allowPrivate, ...extra });

describe('postWebhook without private addresses allowed', () => {
  it('refuses loopback, private, link-local and metadata addresses without connecting', async () => {
    const before = receiver.received.length;
    for (const url of [`http://127.0.0.1:${port}/a`, `http://[::1]:${port}/a`, `http://0x7f.0.0.1:${port}/a`, `http://[::ffff:127.0.0.1]:${port}/a`, 'http://10.0.0.8/a', 'http://169.254.169.254/latest/meta-data/', 'http://[fd00::1]/a', 'http://100.64.1.1/a']) {
      const outcome = await post(url);
      expect(outcome, url).toMatchObject({ ok: false, status: null });
      expect(outcome.error, url).toMatch(/private, loopback, link-local or reserved address/);
    }
    expect(receiver.received.length).toBe(before);
  });

  it('refuses localhost names', async () => {
    for (const url of [`http://localhost:${port}/a`, `http://LOCALHOST.:${port}/a`, `http://api.localhost:${port}/a`]) {
      expect((await post(url)).error, url).toMatch(/loopback name/);
    }
  });

  it('refuses schemes other than http and https, and credentials in the URL', async () => {
    expect((await post('file:///etc/passwd')).error).toMatch(/file: URLs are not allowed/);
    expect((await post('ftp://example.com/x')).error).toMatch(/ftp: URLs are not allowed/);
    expect((await post('https://user:secret@example.com/x')).error).toMatch(/credentials/);
  });
});

describe('a host name checked by what it resolves to, at connect time', () => {
  // Stands in for a DNS answer pointing a public-looking name at this machine, as rebinding does.
  const rebinding = async () => [{ address: '127.0.0.1', family: 4 }];

  it('is refused when it resolves to loopback', async () => {
    const before = receiver.received.length;
    const outcome = await postWebhook({ url: `http://hooks.example.test:${port}/rebound`, body: '{}', headers: {}, allowPrivate: false, resolve: rebinding });
    expect(outcome).toMatchObject({ ok: false, status: null });
    expect(outcome.error).toMatch(/hooks\.example\.test resolves only to private, loopback, link-local or reserved addresses/);
    expect(receiver.received.length).toBe(before);
  });

  it('connects to the checked address when private ones are allowed', async () => {
    receiver.answer = () => ({ status: 200 });
    expect(await postWebhook({ url: `http://hooks.example.test:${port}/rebound`, body: '{}', headers: {}, allowPrivate: true, resolve: rebinding })).toMatchObject({ ok: true, status: 200 });
    expect(receiver.at('/rebound')).toHaveLength(1);
  });

  it('drops the private addresses of a name that also has public ones', async () => {
    const lookup = guardedLookup({ allowPrivate: false, resolve: async () => [{ address: '127.0.0.1', family: 4 }, { address: '192.0.2.1', family: 4 }, { address: '8.8.8.8', family: 4 }] });
    const addresses = await new Promise((resolve) => lookup('mixed.example.test', { all: true }, (_error, found) => resolve(found)));
    expect(addresses).toEqual([{ address: '8.8.8.8', family: 4 }]);
  });
});

describe('guardedLookup', () => {
  const lookup = (hostname: string, allowPrivate: boolean, all: boolean) =>
    new Promise<{ error: Error | null; address: unknown }>((resolve) => guardedLookup({ allowPrivate })(hostname, { all }, (error, address) => resolve({ error, address })));

  it('fails a name that resolves only to non-public addresses, for single and all-address lookups', async () => {
    for (const all of [false, true]) {
      const { error } = await lookup('localhost', false, all);
      expect(error?.message).toMatch(/localhost resolves only to private, loopback, link-local or reserved addresses/);
    }
  });

  it('passes the addresses through when private ones are allowed', async () => {
    expect((await lookup('localhost', true, false)).address).toMatch(/^(127\.0\.0\.1|::1)$/);
    expect((await lookup('localhost', true, true)).address).toEqual(expect.arrayContaining([expect.objectContaining({ address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) })]));
  });
});

describe('postWebhook with private addresses allowed', () => {
  it('delivers to a receiver answering 2xx', async () => {
    receiver.answer = () => ({ status: 204 });
    expect(await post(`${receiver.url}/ok`, true)).toMatchObject({ ok: true, status: 204, error: null });
    expect(receiver.at('/ok')[0]!.body).toBe('{"id":"1"}');
    expect(receiver.at('/ok')[0]!.headers['content-type']).toBe('application/cloudevents+json');
  });

  it('reports another status as a failed attempt', async () => {
    receiver.answer = () => ({ status: 500 });
    expect(await post(`${receiver.url}/broken`, true)).toMatchObject({ ok: false, status: 500, error: 'the receiver answered 500' });
  });

  it('never follows a redirect', async () => {
    receiver.answer = (request) => (request.path === '/moved' ? { status: 302, headers: { location: `${receiver.url}/elsewhere` } } : { status: 200 });
    const outcome = await post(`${receiver.url}/moved`, true);
    expect(outcome).toMatchObject({ ok: false, status: 302 });
    expect(outcome.error).toMatch(/redirects are not followed/);
    expect(receiver.at('/elsewhere')).toEqual([]);
  });

  it('reads only the first few KB of a large answer', async () => {
    receiver.answer = () => ({ status: 200, body: 'x'.repeat(5 * 1024 * 1024) });
    expect(await post(`${receiver.url}/chatty`, true)).toMatchObject({ ok: true, status: 200 });
  });

  describe('against a receiver that never answers', () => {
    let silent: Server;
    beforeAll(async () => {
      silent = createServer(() => {});
      silent.listen(0, '127.0.0.1');
      await new Promise<void>((resolve) => silent.once('listening', resolve));
    });
    afterAll(() => {
      silent.closeAllConnections();
      silent.close();
    });

    it('gives up when the attempt takes too long', async () => {
      const outcome = await post(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/`, true, { timeoutMs: 200 });
      expect(outcome).toMatchObject({ ok: false, status: null, error: 'no answer within 200 ms' });
    });
  });

  it('reports an unreachable receiver', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => closed.once('listening', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect((await post(url, true)).error).toMatch(/ECONNREFUSED/);
  });
});
