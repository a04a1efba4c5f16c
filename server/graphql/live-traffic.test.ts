import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpStockApi, stockApiWindow, type WindowOptions } from '../traffic/__fixtures__/stock-api-traffic.js';
import type { DatabaseLocation } from '../db/index.js';
import { createPgliteLocation, createPostgresLocation, postgresUrl } from '../test-support/test-database.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

interface Answer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}
interface Figures {
  requests: number;
  errors: number;
  errorRate: number | null;
  p95Ms: number | null;
}
interface LiveEdgeAnswer {
  id: string;
  subscription: { id: string } | null;
  consumer: { slug: string };
  provider: { slug: string };
  range: string | null;
  operations: string[];
  declared: boolean;
  observed: boolean;
  live: { environment: string; figures: Figures; openIncidents: number; mttrMs: number | null; sloP95Ms: number; health: 'healthy' | 'breaching' | 'unknown'; lastSeenAt: string | null } | null;
}

const MINUTE = 60_000;

/**
 * `stock-api` of `inventory`: `erp` subscribes to it and its reservations were slow for ten minutes
 * (one incident, opened and resolved); `pos` never subscribed but calls it all the same.
 */
function liveBehaviour(_name: string, createLocation: () => Promise<{ location: DatabaseLocation; cleanup: () => Promise<void> }>) {
  let server: TestServer;
  let database: { cleanup: () => Promise<void> } | undefined;
  let trafficKey: string;
  let subscription: string;
  let statements: string[] = [];
  // Windows end shortly before the test runs, so they fall in the landscape's last days whenever it runs.
  const start = Math.floor(Date.now() / MINUTE) * MINUTE - 60 * MINUTE;
  const send = async (options: Omit<WindowOptions, 'at'> & { minute: number }) => {
    const res = await server.json('POST', '/api/v1/traffic/windows', stockApiWindow({ environment: 'prod', seconds: 60, ...options, at: start + options.minute * MINUTE }), { token: trafficKey });
    expect(res.status).toBe(202);
  };
  const graphql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const res = await server.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as Answer<T>;
  };
  const data = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const answer = await graphql<T>(query, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  };

  beforeAll(async () => {
    const created = await createLocation();
    database = created;
    // No periodic sweep: its statements would mix with those the tests count.
    server = await startTestServer({ location: created.location, env: { ACCORD_TRAFFIC_SWEEP_MS: '3600000' }, onQuery: (statement) => statements.push(statement) });
    ({ trafficKey } = await setUpStockApi(server, ['dev', 'prod']));
    await server.json('POST', '/api/v1/teams', { slug: 'store-ops', name: 'Store Ops' });
    for (const [slug, domain] of [['pos', 'retail'], ['erp', 'manufacturing']] as const) expect((await server.json('POST', '/api/v1/systems', { slug, name: slug.toUpperCase(), team: 'store-ops', domain })).status).toBe(201);
    subscription = (await server.json<{ id: string }>('POST', '/api/v1/contracts/stock-api/subscriptions', { consumer: 'erp', range: '^1.0.0', operations: ['POST /reservations'] })).body.id;
    expect((await server.json('POST', `/api/v1/subscriptions/${subscription}/approve`, {})).status).toBe(200);
    expect((await server.json('PATCH', '/api/v1/contracts/stock-api/slos/prod', { p95Ms: 200, errorRate: 0.05, windowSeconds: 60, openAfter: 1, resolveAfter: 1 })).status).toBe(200);
    for (let minute = 1; minute <= 30; minute++) await send({ minute, consumer: 'pos', operation: 'GET /stock/{sku}', latencyMs: 20 });
    for (let minute = 31; minute <= 40; minute++) await send({ minute, consumer: 'erp', operation: 'POST /reservations', latencyMs: 900 });
    for (let minute = 41; minute <= 50; minute++) await send({ minute, consumer: 'erp', operation: 'POST /reservations', latencyMs: 20, requests: 400 });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database?.cleanup();
  });

  it('answers a contract traffic over the last stretch with totals, operations, consumers, a time series and the objective', async () => {
    const { contract } = await data<{ contract: { traffic: { totals: Figures; operations: { operation: string; figures: Figures }[]; consumers: { consumer: string; figures: Figures }[]; series: { stepSeconds: number; points: { at: string; figures: Figures }[] }; slo: { p95Ms: number; source: string; prometheusRulesUrl: string } } } }>(
      `{ contract(slug: "stock-api") { traffic(environment: "prod", last: "2h") {
          totals { requests errors errorRate p95Ms }
          operations { operation figures { requests p95Ms } }
          consumers { consumer figures { requests } }
          series { stepSeconds points { at figures { requests p95Ms errorRate } } }
          slo { p95Ms source prometheusRulesUrl } } } }`,
    );
    const { traffic } = contract;
    expect(traffic.totals).toMatchObject({ requests: 30 * 100 + 10 * 100 + 10 * 400, errors: 0, errorRate: 0 });
    expect(traffic.consumers.map((c) => [c.consumer, c.figures.requests])).toEqual([['erp', 5000], ['pos', 3000]]);
    expect(traffic.operations.map((o) => o.operation).sort()).toEqual(['GET /stock/{sku}', 'POST /reservations']);
    expect(traffic.series.stepSeconds).toBe(60);
    expect(traffic.series.points).toHaveLength(50);
    expect(traffic.slo).toEqual({ p95Ms: 200, source: 'configured', prometheusRulesUrl: '/api/v1/contracts/stock-api/slos/prod/prometheus-rules' });
  });

  it('reads the incidents of a page of contracts in one statement, whatever the page size', async () => {
    for (const slug of ['stock-api-b', 'stock-api-c', 'stock-api-d']) expect((await server.json('POST', '/api/v1/contracts', { slug, name: slug, system: 'inventory' })).status).toBe(201);
    const countFor = async (first: number) => {
      const query = `{ contracts(first: ${first}, system: "inventory") { edges { node { slug incidents(environment: "prod") { id durationMs } } } } }`;
      await data(query);
      statements = [];
      const answer = await data<{ contracts: { edges: { node: { slug: string; incidents: unknown[] } }[] } }>(query);
      expect(answer.contracts.edges).toHaveLength(first);
      return statements.filter((s) => /traffic_incidents/.test(s)).length;
    };
    expect(await countFor(1)).toBe(1);
    expect(await countFor(4)).toBe(1);
  });

  it('refuses a stretch it cannot read, naming the argument', async () => {
    const answer = await graphql(`{ contract(slug: "stock-api") { traffic(environment: "prod", last: "a week") { totals { requests } } } }`);
    expect(answer.errors?.[0]).toMatchObject({ message: expect.stringContaining('last must be'), extensions: { code: 'invalid-input' } });
  });

  it('lists the incident the slow reservations opened and resolved, with its duration, and the MTTR of the erp edge', async () => {
    const { contract } = await data<{ contract: { incidents: { kind: string; open: boolean; durationMs: number | null; consumers: string[] }[]; meanTimeToRecover: { overall: { incidents: number; mttrMs: number | null }; edges: { consumer: string; recovery: { mttrMs: number | null } }[] } } }>(
      `{ contract(slug: "stock-api") { incidents(environment: "prod") { kind open durationMs consumers } meanTimeToRecover(environment: "prod") { overall { incidents mttrMs } edges { consumer recovery { mttrMs } } } } }`,
    );
    expect(contract.incidents).toEqual([{ kind: 'latency', open: false, durationMs: 10 * MINUTE, consumers: ['erp'] }]);
    expect(contract.meanTimeToRecover.overall).toEqual({ incidents: 1, mttrMs: 10 * MINUTE });
    expect(contract.meanTimeToRecover.edges).toEqual([{ consumer: 'erp', recovery: { mttrMs: 10 * MINUTE } }]);
  });

  const LIVE = `query($environment: String) { landscape(environment: $environment) {
    environment days
    nodes { slug }
    edges { id subscription { id } consumer { slug } provider { slug } range operations declared observed live { environment figures { requests errors errorRate p95Ms } openIncidents mttrMs sloP95Ms health lastSeenAt } }
    layout { edges { edge subscription points { x y } } } } }`;

  it('draws declared and observed edges in an environment, the undeclared one marked, each with its health', async () => {
    const { landscape } = await data<{ landscape: { environment: string; days: number; nodes: { slug: string }[]; edges: LiveEdgeAnswer[]; layout: { edges: { edge: string; subscription: string | null }[] } } }>(LIVE, { environment: 'prod' });
    expect(landscape).toMatchObject({ environment: 'prod', days: 7 });
    const erp = landscape.edges.find((e) => e.consumer.slug === 'erp')!;
    const pos = landscape.edges.find((e) => e.consumer.slug === 'pos')!;
    expect(erp).toMatchObject({ id: subscription, subscription: { id: subscription }, provider: { slug: 'inventory' }, range: '^1.0.0', declared: true, observed: true });
    // Ten slow minutes of fifty: the week's P95 is still over the objective.
    expect(erp.live).toMatchObject({ environment: 'prod', figures: { requests: 5000, errors: 0 }, openIncidents: 0, mttrMs: 10 * MINUTE, sloP95Ms: 200, health: 'breaching' });
    expect(pos).toMatchObject({ id: 'observed:stock-api:pos', subscription: null, range: null, operations: ['GET /stock/{sku}'], declared: false, observed: true });
    expect(pos.live).toMatchObject({ figures: { requests: 3000, errorRate: 0 }, openIncidents: 0, mttrMs: null, health: 'healthy' });
    expect(pos.live!.figures.p95Ms).toBeLessThan(25);
    expect(landscape.nodes.map((n) => n.slug).sort()).toEqual(['erp', 'inventory', 'pos']);
    expect(landscape.layout.edges.map((r) => [r.edge, r.subscription]).sort()).toEqual([[subscription, subscription], ['observed:stock-api:pos', null]].sort());
  });

  it('shows declared edges only, without figures, when no environment is chosen, and a declared edge without traffic as unknown', async () => {
    const declared = await data<{ landscape: { edges: LiveEdgeAnswer[] } }>(LIVE);
    expect(declared.landscape.edges.map((e) => [e.consumer.slug, e.declared, e.observed, e.live])).toEqual([['erp', true, false, null]]);
    const quiet = await data<{ landscape: { edges: LiveEdgeAnswer[] } }>(LIVE, { environment: 'dev' });
    expect(quiet.landscape.edges.map((e) => [e.consumer.slug, e.observed, e.live?.health])).toEqual([['erp', false, 'unknown']]);
  });

  it('refuses an unknown environment and a period past 90 days', async () => {
    expect((await graphql(LIVE, { environment: 'nowhere' })).errors?.[0]).toMatchObject({ message: expect.stringContaining('"nowhere"') });
    expect((await graphql(`{ landscape(environment: "prod", days: 365) { days } }`)).errors?.[0]).toMatchObject({ message: expect.stringContaining('days must be'), extensions: { code: 'invalid-input' } });
  });

  it('serves the contract runbook as Markdown: owners, objectives, dependencies, incidents, findings and alert rules', async () => {
    const res = await server.fetch('/api/v1/contracts/stock-api/runbook');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    const markdown = await res.text();
    expect(markdown).toMatch(/^# Runbook: Stock API\n/);
    for (const heading of ['## Owners and how to reach them', '## Service level objectives', '## Deployed versions', '## Dependencies', '## Recent incidents', '## Open findings and waivers', '## Alerts and dashboards']) expect(markdown).toContain(heading);
    expect(markdown).toContain('| prod | 200 ms | 5.00 % | 1 min | 1 evaluations | 1 evaluations | configured |');
    expect(markdown).toMatch(/\| `pos` \| `stock-api` \| \*\*no: seen in traffic only\*\* \|/);
    expect(markdown).toMatch(/\| `erp` \| `stock-api` \| yes \| \^1\.0\.0 \|/);
    expect(markdown).toMatch(/\| prod \| P95 ≤ 200 ms \| 10 min \| \d+(\.\d)? ms \| `erp` \|/);
    expect(markdown).toContain('MTTR from');
    expect(markdown).toContain('[Prometheus alerting rules](/api/v1/contracts/stock-api/slos/prod/prometheus-rules)');
  });

  it('serves the runbook of an undeclared edge, and the facts as JSON when asked', async () => {
    const edge = await (await server.fetch('/api/v1/systems/pos/runbooks/stock-api')).text();
    expect(edge).toMatch(/^# Runbook: POS → Stock API\n/);
    expect(edge).toContain('**Undeclared**');
    expect(edge).toMatch(/\| prod \| 3000 \| 2\d(\.\d)? ms \| 0\.00 % \| 0 \| — \| healthy \|/);
    const json = await server.json<{ edge: { subscription: unknown; live: { environment: string; observed: boolean }[] }; markdown: string }>('GET', '/api/v1/systems/pos/runbooks/stock-api', undefined, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(200);
    expect(json.body.edge.subscription).toBeNull();
    expect(json.body.edge.live.map((l) => [l.environment, l.observed])).toEqual([['dev', false], ['prod', true]]);
    expect(json.body.markdown).toBe(edge.replace(/Generated [^.]+\./, json.body.markdown.match(/Generated [^.]+\./)![0]));
  });

  it('answers a runbook of an unknown contract with a problem naming it, and the same runbook through GraphQL', async () => {
    const missing = await server.json<{ title: string; detail: string }>('GET', '/api/v1/contracts/nothing-here/runbook');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(missing.body.detail).toContain('"nothing-here"');
    const { contract, system } = await data<{ contract: { runbook: string }; system: { runbook: string } }>(`{ contract(slug: "stock-api") { runbook } system(slug: "erp") { runbook(contract: "stock-api") } }`);
    expect(contract.runbook).toMatch(/^# Runbook: Stock API\n/);
    expect(system.runbook).toContain(`Subscription \`${subscription}\` (approved): range \`^1.0.0\``);
  });

  it('reads the live landscape in the same statements however many edges the traffic shows', async () => {
    const query = `{ landscape(environment: "prod") { edges { id declared observed consumer { slug } live { health openIncidents mttrMs figures { requests p95Ms } } } layout { width } } }`;
    const count = async () => {
      await data(query);
      statements = [];
      const { landscape } = await data<{ landscape: { edges: unknown[] } }>(query);
      // Authentication may refresh the key's last use, and the webhook worker polls and prunes on its
      // own clock: neither is the landscape's reading.
      return { edges: landscape.edges.length, statements: statements.filter((s) => !/"api_keys"|"webhook_deliveries"/.test(s)).length };
    };
    const before = await count();
    for (const slug of ['kiosk', 'web-shop']) {
      expect((await server.json('POST', '/api/v1/systems', { slug, name: slug, team: 'store-ops', domain: 'retail' })).status).toBe(201);
      await send({ minute: 55, consumer: slug, operation: 'GET /stock/{sku}', latencyMs: 20 });
    }
    const after = await count();
    expect(after.edges).toBe(before.edges + 2);
    expect(after.statements).toBe(before.statements);
  });
}

describe('live traffic, incidents, the live landscape and runbooks through GraphQL and REST on PGlite', () => liveBehaviour('PGlite', createPgliteLocation));
describe.skipIf(!postgresUrl)('live traffic, incidents, the live landscape and runbooks through GraphQL and REST on PostgreSQL', () => liveBehaviour('PostgreSQL', createPostgresLocation));
