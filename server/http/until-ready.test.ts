import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { untilReady } from './until-ready.js';

describe('untilReady', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('answers every request while starting, then hands them to the app', async () => {
    const gate = untilReady();
    server = createServer(gate.listener);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const alive = await fetch(`${url}/healthz`);
    expect(alive.status).toBe(200);
    expect(await alive.json()).toEqual({ status: 'starting' });
    for (const path of ['/readyz', '/api/v1/contracts']) {
      const refused = await fetch(url + path);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('2');
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(await refused.json()).toMatchObject({ code: 'starting', status: 503, instance: path });
    }
    const upload = await fetch(`${url}/api/v1/contracts/x/versions`, { method: 'POST', body: 'x'.repeat(1 << 20) });
    expect(upload.status).toBe(503);

    gate.open((_req, res) => void res.end('ready'));
    expect(await (await fetch(`${url}/readyz`)).text()).toBe('ready');
  });
});
