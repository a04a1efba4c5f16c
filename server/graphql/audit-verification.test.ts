import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeRegistry } from '../audit/__fixtures__/change-registry.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

interface Answer {
  data?: { auditVerification: { ok: boolean; events: number; head: { seq: number; hash: string } | null; firstBroken: unknown } } | null;
  errors?: { extensions?: { code?: string } }[];
}

const VERIFY = '{ auditVerification { ok events head { seq hash } firstBroken } }';

describe('verifying the audit chain through GraphQL', () => {
  let server: TestServer;
  const verify = async (headers: Record<string, string> = {}) => {
    const res = await server.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: VERIFY }) });
    return (await res.json()) as Answer;
  };

  beforeAll(async () => {
    server = await startTestServer();
    await changeRegistry(server, { versions: 2 });
  });
  afterAll(() => server?.close());

  it('answers what REST answers: the chain holds, how many events, and its head', async () => {
    const rest = await server.json<{ ok: boolean; events: number; head: { seq: number; hash: string } }>('GET', '/api/v1/audit/verify');
    const { data, errors } = await verify();
    expect(errors).toBeUndefined();
    expect(data!.auditVerification).toEqual({ ok: true, events: rest.body.events, head: { seq: rest.body.head.seq, hash: rest.body.head.hash }, firstBroken: null });
    expect(data!.auditVerification.events).toBeGreaterThan(2);
  });

  it('is for administrators only', async () => {
    // A request with its own cookie header (and no session in it) is anonymous.
    const anonymous = await verify({ cookie: 'nothing=here' });
    expect(anonymous.errors?.[0]?.extensions?.code).toMatch(/^(unauthenticated|forbidden)$/);
  });
});
