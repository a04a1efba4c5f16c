import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../shared/index.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const corpus = join(packageRoot(), '..', 'shared', 'corpus');

describe.skipIf(!existsSync(corpus))('real-world documents through the REST API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await server.json('POST', '/api/v1/teams', { slug: 'payments', name: 'Payments' });
    await server.json('POST', '/api/v1/systems', { slug: 'gateway', name: 'Gateway', team: 'payments', domain: 'payments' });
    await server.json('POST', '/api/v1/contracts', { slug: 'stripe', name: 'Stripe', system: 'gateway' });
    await server.json('POST', '/api/v1/contracts', { slug: 'twilio', name: 'Twilio', system: 'gateway' });
    await server.json('POST', '/api/v1/contracts', { slug: 'twilio-messaging', name: 'Twilio Messaging', system: 'gateway' });
  });
  afterAll(() => server?.close());

  const publish = (contract: string, version: string, file: string) =>
    server.fetch(`/api/v1/contracts/${contract}/versions?version=${version}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: readFileSync(join(corpus, file)),
    });

  it('keeps answering other requests while a 4 MB document with circular references is parsed', async () => {
    const order: string[] = [];
    const publishing = publish('stripe', '2022.4.1', 'stripe/spec3-2022-04-01.json').then(async (res) => {
      order.push('publish');
      return res;
    });
    // Health checks sent after the publish started must not queue behind its parsing.
    for (let i = 0; i < 5; i++) {
      const res = await server.fetch('/healthz');
      expect(res.status).toBe(200);
      order.push('health');
    }
    const res = await publishing;
    expect(res.status).toBe(201);
    expect(order.indexOf('publish')).toBe(5);
  });

  it('ingests every release of the real Stripe and Twilio documents', async () => {
    for (const [contract, version, file] of [
      ['stripe', '2022.4.12', 'stripe/spec3-2022-04-12.json'],
      ['twilio', '1.0.0', 'twilio/api_v2010-2026-02-05.json'],
      ['twilio', '1.1.0', 'twilio/api_v2010-2026-04-14.json'],
      ['twilio-messaging', '1.0.0', 'twilio/messaging_v1-2026-04-14.json'],
    ] as const) {
      const res = await publish(contract, version, file);
      expect(res.status, file).toBe(201);
    }
    const stripe = await server.json<{ operations: unknown[]; sizeBytes: number }>('GET', '/api/v1/contracts/stripe/versions/latest');
    expect(stripe.body.operations.length).toBeGreaterThan(400);
    expect(stripe.body.sizeBytes).toBeGreaterThan(4_000_000);
  });
});
