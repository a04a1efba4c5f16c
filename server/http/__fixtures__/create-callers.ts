import { expect } from 'vitest';
import { API_KEY_SCOPES, type Scope } from '../../shared/index.js';
import { TEST_ADMIN_TOKEN } from '../../test-support/test-credentials.js';
import type { TestServer } from '../../test-support/test-server.js';

/** A key carrying exactly one scope: of the owning team, or installation-wide for `admin`. */
export type ScopeKey = `${Scope} key`;
const SCOPE_KEYS = API_KEY_SCOPES.map((scope): ScopeKey => `${scope} key`);

/** Every kind of caller the REST API must tell apart, each a column of the authorisation matrix: people, and keys of every scope. */
export const CALLERS = ['anonymous', 'viewer', 'otherMember', 'member', 'maintainer', 'admin', ...SCOPE_KEYS, 'unscopedKey', 'otherTeamKey', 'bootstrapKey'] as const;
export type Caller = (typeof CALLERS)[number];

/** The scopes a pipeline key may carry short of `admin`. */
const PIPELINE_SCOPES = API_KEY_SCOPES.filter((scope) => scope !== 'admin');

export interface CallResult {
  status: number;
  body: { code?: string } & Record<string, unknown>;
}

export interface Callers {
  /**
   * A request to /api/v1 as `caller`. People send their session cookie (and the server's own
   * Origin, as a browser would); keys go in `Authorization: Bearer`. `scope` is the scope the
   * route needs: the unscoped key of the owning team carries every pipeline scope but it.
   */
  call(caller: Caller, request: { method: string; path: string; body?: unknown; scope: Scope }): Promise<CallResult>;
  /** The same caller with the same credentials, sending one operation to /graphql. */
  graphql(caller: Caller, request: { query: string; variables?: Record<string, unknown>; scope: Scope }): Promise<GraphqlResult>;
  /** The people, for tests that act as them outside the matrix. */
  people: Record<'viewer' | 'otherMember' | 'member' | 'maintainer' | 'admin', { id: string; email: string; password: string; cookie: string }>;
}

export interface GraphqlResult {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

const PASSWORD = 'correct horse battery staple';

/** Signs a person in through better-auth, as the portal does, and answers the cookie to send back. */
export async function signIn(server: TestServer, { email, password }: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email, password }) });
  expect(response.status, `signing in ${email}`).toBe(200);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  expect(cookies.some((c) => c.includes('accord.session_token=')), `session cookie for ${email}`).toBe(true);
  return cookies.join('; ');
}

/**
 * The people and keys of the matrix, set up through the API with the bootstrap key: a viewer (no
 * team), a member of another team, a member and a maintainer of the owning team, an administrator;
 * keys of the owning team made on first use, one for each scope and one without the route's, and
 * a key with every pipeline scope of a third team that owns nothing the matrix touches (a key of
 * the other team may rightly end a subscription to the other team's contract).
 */
export async function createCallers(server: TestServer, { team, otherTeam }: { team: string; otherTeam: string }): Promise<Callers> {
  const person = async (name: string, role: 'admin' | 'user' = 'user') => {
    const email = `${name.toLowerCase()}@matrix.example`;
    const created = await server.json<{ id: string }>('POST', '/api/v1/users', { email, name, password: PASSWORD, role });
    expect(created.status, `creating ${email}`).toBe(201);
    return { id: created.body.id, email, password: PASSWORD };
  };
  const join = async (slug: string, email: string, role: 'maintainer' | 'member') => expect((await server.json('POST', `/api/v1/teams/${slug}/members`, { email, role })).status).toBe(201);
  const key = async (name: string, scopes: readonly Scope[], keyTeam?: string) => {
    const created = await server.json<{ key: string }>('POST', '/api/v1/api-keys', { name, scopes, ...(keyTeam && { team: keyTeam }) });
    expect(created.status, `creating key ${name}`).toBe(201);
    return created.body.key;
  };

  const viewer = await person('Viewer');
  const otherMember = await person('Other-Member');
  const member = await person('Member');
  const maintainer = await person('Maintainer');
  const admin = await person('Admin', 'admin');
  await join(otherTeam, otherMember.email, 'member');
  await join(team, member.email, 'member');
  await join(team, maintainer.email, 'maintainer');
  const people = {
    viewer: { ...viewer, cookie: await signIn(server, viewer) },
    otherMember: { ...otherMember, cookie: await signIn(server, otherMember) },
    member: { ...member, cookie: await signIn(server, member) },
    maintainer: { ...maintainer, cookie: await signIn(server, maintainer) },
    admin: { ...admin, cookie: await signIn(server, admin) },
  };

  // `admin` keys are installation-wide: an administrator's key belongs to no team.
  const keys = new Map<string, Promise<string>>();
  const memo = (name: string, make: () => Promise<string>) => {
    if (!keys.has(name)) keys.set(name, make());
    return keys.get(name)!;
  };
  const scopedKey = (scope: Scope) => memo(`with-${scope}`, () => (scope === 'admin' ? key('matrix-admin', ['admin']) : key(`matrix-${scope}`, [scope], team)));
  const unscopedKey = (scope: Scope) => memo(`without-${scope}`, () => key(`matrix-without-${scope}`, PIPELINE_SCOPES.filter((s) => s !== scope), team));
  const strangers = 'matrix-strangers';
  expect((await server.json('POST', '/api/v1/teams', { slug: strangers, name: 'Strangers' })).status).toBe(201);
  const otherTeamKey = () => memo('other-team', () => key('matrix-other-team', PIPELINE_SCOPES, strangers));

  async function tokenOf(caller: Caller, scope: Scope): Promise<string | null | undefined> {
    if (caller.endsWith(' key')) return scopedKey(caller.slice(0, -' key'.length) as Scope);
    switch (caller) {
      case 'anonymous':
        return null;
      case 'unscopedKey':
        return unscopedKey(scope);
      case 'otherTeamKey':
        return otherTeamKey();
      case 'bootstrapKey':
        return TEST_ADMIN_TOKEN;
      default:
        return undefined;
    }
  }

  async function credentialsOf(caller: Caller, scope: Scope): Promise<Record<string, string>> {
    const token = await tokenOf(caller, scope);
    return token === undefined ? { cookie: people[caller as keyof typeof people].cookie, origin: server.url } : token === null ? {} : { authorization: `Bearer ${token}` };
  }

  return {
    people,
    async call(caller, { method, path, body, scope }) {
      const credentials = await credentialsOf(caller, scope);
      const response = await fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: { ...credentials, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      // Documents and sources come back as YAML or JSON text; only problems and JSON answers are read.
      const text = await response.text();
      const json = /json/.test(response.headers.get('content-type') ?? '') && text !== '';
      return { status: response.status, body: json ? (JSON.parse(text) as CallResult['body']) : {} };
    },
    async graphql(caller, { query, variables = {}, scope }) {
      const credentials = await credentialsOf(caller, scope);
      const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { ...credentials, 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: (await response.json()) as GraphqlResult['body'] };
    },
  };
}
