import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './test-support/free-port.js';
import { launchAccordServer, type AccordProcess } from './test-support/spawn-accord-server.js';
import { TEST_ADMIN_TOKEN } from './test-support/test-credentials.js';
import { createPgliteLocation } from './test-support/test-database.js';

/** Long enough for a machine that is busy, far shorter than a socket nobody serves would hang. */
const CLIENT_TIMEOUT_MS = 10_000;
const PATHS = ['/healthz', '/readyz', '/api/v1/contracts'] as const;

interface Answer {
  path: (typeof PATHS)[number];
  sentAfterReady: boolean;
  status: number;
  retryAfter: string | null;
  contentType: string | null;
  body: string;
}

describe('accord serve while it starts', () => {
  let server: AccordProcess | undefined;
  let database: Awaited<ReturnType<typeof createPgliteLocation>> | undefined;
  afterAll(async () => {
    await server?.kill();
    await database?.cleanup();
  });

  it('answers every request from the moment it listens: alive, not ready, 503 starting with Retry-After; then ready', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // Seeding the example contracts into the empty registry keeps the server starting for seconds.
    server = launchAccordServer({ location: (database = await createPgliteLocation()).location, port, seed: true });
    let ready = false;
    let readyFailed: unknown;
    const started = server.ready.then(
      () => void (ready = true),
      (error: unknown) => void (readyFailed = error),
    );
    const answered: Answer[] = [];
    const failures: string[] = [];
    let listening = false;

    const poll = async (path: (typeof PATHS)[number]) => {
      // Polls until a few answers arrived after the server said it is ready.
      let afterReady = 0;
      while (afterReady < 3 && readyFailed === undefined) {
        const sentAfterReady = ready;
        try {
          const res = await fetch(url + path, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
          answered.push({ path, sentAfterReady, status: res.status, retryAfter: res.headers.get('retry-after'), contentType: res.headers.get('content-type'), body: await res.text() });
          listening = true;
        } catch (error) {
          const code = (error as { cause?: { code?: string } }).cause?.code;
          // Refused connections are expected until the port opens, and only then.
          if (code !== 'ECONNREFUSED' || listening) failures.push(`${path}: ${(error as Error).name} ${code ?? (error as Error).message}`);
        }
        if (sentAfterReady) afterReady += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await Promise.all(PATHS.map(poll));
    await started;
    expect(readyFailed).toBeUndefined();

    expect(failures).toEqual([]);
    const starting = answered.filter((a) => !a.sentAfterReady && a.status === 503);
    // The port opened while the server was still starting, and said so.
    expect(starting.filter((a) => a.path === '/readyz').length).toBeGreaterThan(0);
    expect(starting.filter((a) => a.path === '/api/v1/contracts').length).toBeGreaterThan(0);
    expect(answered.filter((a) => a.path === '/healthz' && !a.sentAfterReady).some((a) => JSON.parse(a.body).status === 'starting')).toBe(true);

    for (const answer of answered) {
      const view = { path: answer.path, status: answer.status };
      if (answer.path === '/healthz') {
        expect(view).toEqual({ path: '/healthz', status: 200 });
        if (answer.sentAfterReady) expect(JSON.parse(answer.body)).toEqual({ status: 'ok' });
      } else if (answer.status === 503) {
        expect(answer.sentAfterReady, `${answer.path} was still starting after the server said it was ready`).toBe(false);
        expect({ ...view, problem: answer.contentType?.startsWith('application/problem+json'), code: JSON.parse(answer.body).code, retryAfter: answer.retryAfter !== null }).toEqual({ ...view, problem: true, code: 'starting', retryAfter: true });
      } else {
        expect(view).toEqual({ ...view, status: 200 });
      }
    }
    const afterReady = answered.filter((a) => a.sentAfterReady);
    expect(afterReady.filter((a) => a.path === '/readyz').map((a) => a.status)).toEqual([200, 200, 200]);
  });
});
