import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadServerConfig } from '../server/config.js';
import { openDatabase, type DatabaseLocation, type Db } from '../server/db/index.js';
import { contracts as contractTable, subscriptions as subscriptionTable, systems as systemTable, teams as teamTable, versions as versionTable } from '../server/registry/index.js';
import { startServer } from '../server/main.js';
import { newId } from '../server/shared/index.js';
import { benchAuthEnv, benchAuthHeader } from './bench-credentials.js';
import type { BenchmarkReport, TargetResult } from './benchmark-report.js';
import { createBenchDatabase } from './create-bench-database.js';
import { formatMs } from './format-ms.js';
import { percentile } from './percentile.js';
import { seededRandom, type Random } from './seeded-random.js';

export interface GraphqlBenchOptions {
  contracts?: number;
  versionsPerContract?: number;
  /** Timed requests per scenario and edge, after `warmup` untimed ones. */
  samples?: number;
  warmup?: number;
  postgresAdminUrl?: string;
  maxP95PostgresMs?: number;
  maxP95PgliteMs?: number;
  /** GraphQL's P95 at most this many times the equivalent REST calls'. */
  maxRatio?: number;
}

const DOMAINS = ['retail', 'banking', 'manufacturing', 'logistics', 'healthcare'];
const WORDS = ['stock', 'orders', 'payments', 'ledger', 'inventory', 'shipments', 'invoices', 'customers', 'pricing', 'returns', 'production', 'quality'];
const TEAMS = 50;
const SYSTEMS_PER_TEAM = 8;
const BATCH = 500;

/**
 * P6: the catalog and a contract page over a large registry, through REST and GraphQL in the same
 * run, on PGlite then PostgreSQL. The registry is written straight into the tables (publishing each
 * version through the API would measure the publish path, which has a benchmark of its own), then
 * a real server answers over HTTP, one request at a time.
 */
export async function graphqlBench({
  contracts = 10_000,
  versionsPerContract = 10,
  samples = 200,
  warmup = 20,
  postgresAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres',
  maxP95PostgresMs = 50,
  maxP95PgliteMs = 100,
  maxRatio = 1.5,
}: GraphqlBenchOptions = {}): Promise<BenchmarkReport> {
  const rows: string[][] = [];
  const targets: TargetResult[] = [];
  const measure = async (label: string, location: DatabaseLocation, maxP95Ms: number) => {
    const { generatedMs, slugs } = await generateRegistry(location, { contracts, versionsPerContract });
    const server = await startServer(
      loadServerConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ACCORD_SEED: 'false', ...benchAuthEnv, ...('url' in location ? { DATABASE_URL: location.url } : { ACCORD_DATA_DIR: location.dataDir }) }),
    );
    try {
      const results = await measureScenarios(server.url, { slugs, samples, warmup });
      let worstP95 = 0;
      let worstRatio = 0;
      for (const { scenario, rest, graphql } of results) {
        const ratio = percentile(graphql, 95) / percentile(rest, 95);
        worstP95 = Math.max(worstP95, percentile(rest, 95), percentile(graphql, 95));
        worstRatio = Math.max(worstRatio, ratio);
        rows.push([label, scenario, formatMs(percentile(rest, 50)), formatMs(percentile(rest, 95)), formatMs(percentile(graphql, 50)), formatMs(percentile(graphql, 95)), `${ratio.toFixed(2)}×`]);
      }
      rows.push([label, `(generating the registry took ${formatMs(generatedMs)})`, '', '', '', '', '']);
      targets.push({ target: `P6 catalog and contract page P95 on ${label} ≤ ${maxP95Ms} ms`, measured: `worst P95 ${formatMs(worstP95)}`, pass: worstP95 <= maxP95Ms });
      targets.push({ target: `P6 GraphQL P95 ≤ ${maxRatio}× REST on ${label}`, measured: `worst ${worstRatio.toFixed(2)}×`, pass: worstRatio <= maxRatio });
    } finally {
      await server.close();
    }
  };

  const dir = await mkdtemp(join(tmpdir(), 'accord-bench-graphql-'));
  try {
    await measure('PGlite', { dataDir: join(dir, 'data') }, maxP95PgliteMs);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  let database;
  try {
    database = await createBenchDatabase({ adminUrl: postgresAdminUrl });
  } catch (error) {
    const reason = `skipped: ${(error as Error).message || (error as { code?: string }).code || String(error)}`;
    rows.push(['PostgreSQL', reason, '', '', '', '', '']);
    targets.push({ target: `P6 catalog and contract page P95 on PostgreSQL ≤ ${maxP95PostgresMs} ms`, measured: reason, pass: undefined });
  }
  if (database) {
    try {
      await measure('PostgreSQL', { url: database.url }, maxP95PostgresMs);
    } finally {
      await database.drop();
    }
  }

  return {
    name: 'graphql',
    tables: [
      {
        title: `P6 catalog and contract page: ${contracts.toLocaleString('en-US')} contracts × ${versionsPerContract} versions (${(contracts * versionsPerContract).toLocaleString('en-US')}), REST and GraphQL`,
        columns: ['backend', 'scenario', 'REST p50', 'REST p95', 'GraphQL p50', 'GraphQL p95', 'GraphQL/REST p95'],
        rows,
        notes: [
          `${samples} timed requests per scenario and edge after ${warmup} untimed ones, one at a time, with the bootstrap key; interleaved REST, GraphQL, REST … so both see the same machine.`,
          'Catalog: a page of 50 contracts with owner team, system and latest version number; the GraphQL query asks for the same fields REST lists. Filter: domain and lifecycle. Search: one word of the names.',
          'Contract page: REST fires the four calls a page needs at once (contract, latest version with operations, first 20 versions, approved subscriptions); GraphQL asks one query for the same.',
          `The registry has ${TEAMS} teams, ${TEAMS * SYSTEMS_PER_TEAM} systems in ${DOMAINS.length} domains, and one approved subscription per contract.`,
        ],
      },
    ],
    targets,
  };
}

/** The registry, written in batches straight into a migrated database; answers how long it took and the contracts' slugs. */
export async function generateRegistry(location: DatabaseLocation, { contracts, versionsPerContract }: { contracts: number; versionsPerContract: number }): Promise<{ generatedMs: number; slugs: string[] }> {
  const started = performance.now();
  const database = await openDatabase(location);
  let slugs: string[] = [];
  try {
    await database.migrate();
    const { db } = database;
    const random = seededRandom(6);
    const now = new Date();
    const teamIds = Array.from({ length: TEAMS }, () => newId());
    await insert(db, teamTable, teamIds.map((id, i) => ({ id, slug: `team-${i}`, name: `Team ${i}`, createdAt: now, updatedAt: now })));
    const systems = teamIds.flatMap((teamId, t) => Array.from({ length: SYSTEMS_PER_TEAM }, (_, s) => ({ id: newId(), slug: `system-${t}-${s}`, name: `System ${t}-${s}`, teamId, domain: DOMAINS[(t + s) % DOMAINS.length]!, createdAt: now, updatedAt: now })));
    await insert(db, systemTable, systems);
    const contractRows = Array.from({ length: contracts }, (_, i) => {
      const word = pick(random, WORDS);
      return {
        id: newId(),
        slug: `${word}-api-${i}`,
        name: `${capitalise(word)} API ${i}`,
        kind: 'openapi' as const,
        systemId: systems[i % systems.length]!.id,
        lifecycle: random() < 0.8 ? ('active' as const) : ('deprecated' as const),
        description: `The ${word} of ${pick(random, WORDS)} for ${pick(random, DOMAINS)}.`,
        tags: [word, pick(random, WORDS)],
        createdAt: now,
        updatedAt: now,
      };
    });
    await insert(db, contractTable, contractRows);
    slugs = contractRows.map((c) => c.slug);
    for (let start = 0; start < contractRows.length; start += BATCH / versionsPerContract) {
      const batch = contractRows.slice(start, start + BATCH / versionsPerContract).flatMap((contract) => Array.from({ length: versionsPerContract }, (_, v) => versionRow(contract, v, now)));
      await insert(db, versionTable, batch);
    }
    await insert(
      db,
      subscriptionTable,
      contractRows.map((contract, i) => ({
        id: newId(),
        contractId: contract.id,
        consumerSystemId: systems[(i * 7 + 3) % systems.length]!.id,
        range: '^1.0.0',
        operations: ['GET /items/{id}'],
        status: 'approved' as const,
        requestedBy: 'system:bench',
        decidedBy: 'system:bench',
        decidedAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    );
  } finally {
    await database.close();
  }
  return { generatedMs: performance.now() - started, slugs };
}

function versionRow(contract: { id: string; name: string }, v: number, now: Date) {
  const version = `1.${v}.0`;
  const paths = Object.fromEntries(
    Array.from({ length: 4 + (v % 4) }, (_, p) => [`/items${p === 0 ? '' : `-${p}`}/{id}`, { get: { operationId: `getItem${p}`, security: [], responses: { '200': { description: 'the item' }, '404': { description: 'no such item' } } } }]),
  );
  const document = { openapi: '3.1.0', info: { title: contract.name, version }, paths };
  const source = JSON.stringify(document, null, 2);
  return {
    id: newId(),
    contractId: contract.id,
    version,
    major: 1,
    minor: v,
    patch: 0,
    specKind: 'openapi' as const,
    specVersion: '3.1.0',
    title: contract.name,
    sourceFormat: 'json' as const,
    source,
    document,
    contentHash: `sha256:${createHash('sha256').update(source).digest('hex')}`,
    sizeBytes: Buffer.byteLength(source),
    operations: Object.keys(paths).map((path, p) => ({ key: `GET ${path}`, kind: 'http', method: 'GET', path, operationId: `getItem${p}` })),
    publishedAt: new Date(now.getTime() - (10 - v) * 86_400_000),
    publishedBy: 'system:bench',
  };
}

async function insert<T extends Parameters<Db['insert']>[0]>(db: Db, table: T, values: T['$inferInsert'][]): Promise<void> {
  for (let start = 0; start < values.length; start += BATCH) await db.insert(table).values(values.slice(start, start + BATCH));
}

const pick = <T>(random: Random, items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const capitalise = (word: string) => word[0]!.toUpperCase() + word.slice(1);

const CATALOG_FIELDS = 'slug name kind lifecycle latestVersion description tags team { slug } system { slug domain }';
const CONTRACT_PAGE = `query($slug: String!) { contract(slug: $slug) {
  slug name kind lifecycle description tags latestVersion team { slug name } system { slug name domain }
  latest { version publishedAt operations { key method path } }
  versions(first: 20) { edges { node { version publishedAt } } }
  subscriptions(status: approved) { edges { node { id consumer { slug } range operations status } } }
} }`;

interface ScenarioResult {
  scenario: string;
  rest: number[];
  graphql: number[];
}

async function measureScenarios(url: string, { slugs, samples, warmup }: { slugs: readonly string[]; samples: number; warmup: number }): Promise<ScenarioResult[]> {
  const get = async (path: string) => {
    const res = await fetch(`${url}/api/v1${path}`, { headers: benchAuthHeader });
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { ...benchAuthHeader, 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { errors?: unknown[] };
    if (res.status !== 200 || body.errors) throw new Error(`GraphQL answered ${res.status}: ${JSON.stringify(body)}`);
    return body;
  };
  const catalog = (args: string) => `{ contracts(first: 50${args}) { edges { cursor node { ${CATALOG_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
  const scenarios: { scenario: string; rest: () => Promise<unknown>; graphql: () => Promise<unknown>}[] = [
    { scenario: 'catalog, first page', rest: () => get('/contracts?limit=50'), graphql: () => graphql(catalog('')) },
    { scenario: 'catalog, filtered (domain, lifecycle)', rest: () => get('/contracts?limit=50&domain=retail&lifecycle=active'), graphql: () => graphql(catalog(', domain: "retail", lifecycle: active')) },
    { scenario: 'catalog, text search', rest: () => get('/contracts?limit=50&q=ledger'), graphql: () => graphql(catalog(', search: "ledger"')) },
  ];
  const results: ScenarioResult[] = [];
  for (const { scenario, rest: restCall, graphql: graphqlCall } of scenarios) {
    for (let i = 0; i < warmup; i++) await Promise.all([restCall(), graphqlCall()]);
    const result: ScenarioResult = { scenario, rest: [], graphql: [] };
    for (let i = 0; i < samples; i++) {
      result.rest.push(await timed(restCall));
      result.graphql.push(await timed(graphqlCall));
    }
    results.push(result);
  }

  const random = seededRandom(66);
  const pageSlugs = Array.from({ length: warmup + samples }, () => pick(random, slugs));
  const restPage = (slug: string) => Promise.all([get(`/contracts/${slug}`), get(`/contracts/${slug}/versions/latest`), get(`/contracts/${slug}/versions?limit=20`), get(`/contracts/${slug}/subscriptions?status=approved`)]);
  const graphqlPage = (slug: string) => graphql(CONTRACT_PAGE, { slug });
  for (const slug of pageSlugs.slice(0, warmup)) await Promise.all([restPage(slug), graphqlPage(slug)]);
  const page: ScenarioResult = { scenario: 'contract page (a random contract)', rest: [], graphql: [] };
  for (const slug of pageSlugs.slice(warmup)) {
    page.rest.push(await timed(() => restPage(slug)));
    page.graphql.push(await timed(() => graphqlPage(slug)));
  }
  results.push(page);
  return results;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
