import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { postgresBinDir, startPrivatePostgres, type PrivatePostgres } from '../test-support/private-postgres.js';
import { spawnAccordServer, type SpawnedServer } from '../test-support/spawn-accord-server.js';
import { TEST_ADMIN_TOKEN } from '../test-support/test-credentials.js';

/** Generous for a busy machine, and far below what a request waiting on a dead socket would take. */
const ANSWER_WITHIN_MS = 20_000;
const RECOVERY_WITHIN_MS = 30_000;
/** Low bounds toward the database keep the test short; the defaults are 5 s and 15 s. */
const databaseTimeouts = { ACCORD_DB_CONNECT_TIMEOUT_MS: '2000', ACCORD_DB_QUERY_TIMEOUT_MS: '2000' };

const documentOf = (minor: number) =>
  stringify({ openapi: '3.0.3', info: { title: 'Outage', version: `1.${minor}.0` }, paths: Object.fromEntries(Array.from({ length: minor + 1 }, (_, i) => [`/items/${i}`, { get: { responses: { '200': { description: 'ok' } } } }])) });

interface Request {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** Sent without credentials: anonymous reads and sign-in reach the database along other paths. */
  anonymous?: boolean;
}

/** Routes that cannot be answered without the database, each along a different path through the server. */
const needingTheDatabase = (minor: number): Request[] => [
  { method: 'GET', path: '/api/v1/contracts' },
  { method: 'GET', path: '/api/v1/contracts', anonymous: true },
  { method: 'GET', path: '/api/v1/contracts/outage-api/versions/1.0.0' },
  { method: 'POST', path: '/api/v1/contracts/outage-api/versions', body: { version: `1.${minor}.0`, document: documentOf(minor) } },
  { method: 'GET', path: '/api/v1/audit/verify' },
  { method: 'POST', path: '/api/auth/sign-in/email', body: { email: 'nobody@example.com', password: 'not-a-password-anyone-has' }, anonymous: true },
];

type Answer = { request: string; status: number; code?: string; problemJson: boolean; retryAfter: boolean } | { request: string; failure: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Statements as Accord's queries and its driver would spell them in a log.
const SQL_TEXT = /\bselect\b[^\n]*\bfrom\b|\binsert into\b|\bdelete from\b|\bupdate "?\w+"? set\b|\bselect 1\b/i;

const bin = postgresBinDir();

describe.skipIf(!bin)(`accord serve on a PostgreSQL that stops, and then freezes${bin ? '' : ' (skipped: PostgreSQL is not installed, no initdb under /usr/lib/postgresql/*/bin)'}`, () => {
  let postgres: PrivatePostgres | undefined;
  let server: SpawnedServer | undefined;
  let nextMinor = 1;

  const send = async ({ method, path, body, anonymous = false }: Request): Promise<Answer> => {
    const request = `${method} ${path}${anonymous ? ' (anonymous)' : ''}`;
    const headers: Record<string, string> = { ...(anonymous ? {} : { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }), ...(body === undefined ? {} : { 'content-type': 'application/json', origin: server!.url }) };
    try {
      const res = await fetch(server!.url + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }), signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
      const text = await res.text();
      const problemJson = res.headers.get('content-type')?.startsWith('application/problem+json') ?? false;
      return { request, status: res.status, ...(problemJson ? { code: (JSON.parse(text) as { code?: string }).code } : {}), problemJson, retryAfter: res.headers.has('retry-after') };
    } catch (error) {
      return { request, failure: `no answer: ${(error as Error).name} ${(error as Error).message}` };
    }
  };

  /** Every route that needs the database is refused 503 database-unavailable; liveness stays, readiness goes. */
  const expectRefusals = async (): Promise<number> => {
    const requests = needingTheDatabase(nextMinor);
    const answers = await Promise.all(requests.map(send));
    // Soft: one run reports every route that misbehaves, and the log checks below still run.
    expect.soft(answers).toEqual(answers.map(({ request }) => ({ request, status: 503, code: 'database-unavailable', problemJson: true, retryAfter: true })));
    expect(await send({ method: 'GET', path: '/healthz' })).toMatchObject({ status: 200 });
    expect(await send({ method: 'GET', path: '/readyz' })).toMatchObject({ status: 503 });
    return requests.length;
  };

  /** Requests succeed again within seconds, and a publish lands. */
  const expectRecovery = async () => {
    const deadline = Date.now() + RECOVERY_WITHIN_MS;
    let last: Answer | undefined;
    while (Date.now() < deadline) {
      last = await send({ method: 'GET', path: '/api/v1/contracts' });
      if ('status' in last && last.status === 200) break;
      await sleep(250);
    }
    expect(last).toMatchObject({ status: 200 });
    expect(await send({ method: 'GET', path: '/readyz' })).toMatchObject({ status: 200 });
    expect(await send(needingTheDatabase(nextMinor)[3]!)).toMatchObject({ status: 201 });
    nextMinor += 1;
  };

  /**
   * The log of one outage: one line when it starts, one when it ends with the number of refused
   * requests, and no statement text anywhere (requests' own access lines aside).
   */
  const expectOutageLogged = async (fromLine: number, fromOutput: number, refusedAtLeast: number) => {
    const deadline = Date.now() + RECOVERY_WITHIN_MS;
    while (Date.now() < deadline && !server!.logs.slice(fromLine).some((line) => /answers again/.test(line.msg ?? ''))) await sleep(100);
    const lines = server!.logs.slice(fromLine).filter((line) => line.msg !== 'request');
    expect.soft(lines.length, JSON.stringify(lines)).toBeLessThanOrEqual(2);
    expect.soft(lines[0]?.msg).toMatch(/database cannot be reached/);
    expect.soft(lines.at(-1)).toMatchObject({ msg: expect.stringMatching(/database answers again/), refused: expect.any(Number) });
    expect.soft(lines.at(-1)?.refused).toBeGreaterThanOrEqual(refusedAtLeast);
    expect(server!.output().slice(fromOutput)).not.toMatch(SQL_TEXT);
  };

  beforeAll(async () => {
    postgres = await startPrivatePostgres({ bin });
    server = await spawnAccordServer({ location: { url: postgres.url }, env: databaseTimeouts });
    const post = (path: string, body: unknown) => send({ method: 'POST', path, body });
    expect(await post('/api/v1/teams', { slug: 'outage', name: 'Outage' })).toMatchObject({ status: 201 });
    expect(await post('/api/v1/systems', { slug: 'outage', name: 'Outage', team: 'outage', domain: 'test' })).toMatchObject({ status: 201 });
    expect(await post('/api/v1/contracts', { slug: 'outage-api', name: 'Outage', system: 'outage' })).toMatchObject({ status: 201 });
    expect(await post('/api/v1/contracts/outage-api/versions', { version: '1.0.0', document: documentOf(0) })).toMatchObject({ status: 201 });
  });

  afterAll(async () => {
    await server?.stop();
    await postgres?.destroy();
  });

  it('while PostgreSQL is stopped, every route that needs it answers 503 database-unavailable; the log says so once, and requests succeed again once it is back', async () => {
    const fromLine = server!.logs.length;
    const fromOutput = server!.output().length;
    let refused = 0;
    // Several pooled connections, all of which the shutdown ends: still one line for the outage.
    await Promise.all(Array.from({ length: 8 }, () => send({ method: 'GET', path: '/api/v1/contracts' })));
    await postgres!.stop();
    try {
      // Twice: the first requests find the pool's connections gone, the next ones cannot connect.
      for (let round = 0; round < 2; round++) refused += await expectRefusals();
    } finally {
      await postgres!.start();
    }
    await expectRecovery();
    await expectOutageLogged(fromLine, fromOutput, refused);
  });

  it('while PostgreSQL is frozen (SIGSTOP), requests are answered 503 database-unavailable within the timeouts, and succeed again once it runs', async () => {
    const fromLine = server!.logs.length;
    const fromOutput = server!.output().length;
    let refused = 0;
    postgres!.freeze();
    try {
      // About 20 s frozen: first the open connections hang, then the pool waits for new ones.
      const thawAt = Date.now() + 20_000;
      do refused += await expectRefusals();
      while (Date.now() < thawAt);
    } finally {
      postgres!.thaw();
    }
    await expectRecovery();
    await expectOutageLogged(fromLine, fromOutput, refused);
  });
});
