import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseLocation } from '../db/index.js';
import { signIn } from '../http/__fixtures__/create-callers.js';
import { createPgliteLocation, createPostgresLocation, postgresUrl } from '../test-support/test-database.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

interface GraphqlAnswer<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** One operation to `server` as the administrator (or with `headers` instead), answered as status and body. */
async function graphqlTo<T = Record<string, unknown>>(server: TestServer, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await server.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as GraphqlAnswer<T> };
}


/** A GraphQL subscription over server-sent events, read event by event until closed. */
async function followOver(server: TestServer, query: string, variables: Record<string, unknown> = {}) {
  const controller = new AbortController();
  const res = await server.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ query, variables }), signal: controller.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    /** The next event carrying data, skipping keep-alive comments. */
    async next<T = Record<string, unknown>>(): Promise<GraphqlAnswer<T>> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
          if (data !== '') return JSON.parse(data) as GraphqlAnswer<T>;
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffer += value;
      }
    },
    close: () => controller.abort(),
  };
}

const REGISTRY_EVENTS = 'subscription($contract: String, $types: [RegistryEventType!]) { registryEvents(contract: $contract, types: $types) { id type contract version subscription check data } }';
const openApi = (version: string, paths: string[]) =>
  JSON.stringify({ openapi: '3.1.0', info: { title: 'Live', version }, paths: Object.fromEntries(paths.map((p) => [p, { get: { operationId: `get${p.replace(/\W/g, '')}`, security: [], responses: { '200': { description: 'ok' } } } }])) });

const CATALOG_PAGE = `query Catalog($first: Int) {
  contracts(first: $first) {
    edges { cursor node { slug lifecycle latestVersion team { slug name } system { slug name domain } latest { version operations { key } } consumers { slug name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type CatalogNode = { slug: string; lifecycle: string; latestVersion: string | null; team: { slug: string }; system: { slug: string; domain: string }; latest: { version: string; operations: { key: string }[] } | null; consumers: { slug: string }[] };

/** The same behaviour on each database Accord runs on: a seeded registry behind a real server. */
function graphqlBehaviour(name: string, createLocation: () => Promise<{ location: DatabaseLocation; cleanup: () => Promise<void> }>) {
  let server: TestServer;
  let database: { cleanup: () => Promise<void> } | undefined;
  let statements: string[] = [];
  const graphql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => graphqlTo<T>(server, query, variables, headers);
  const rest = async <T>(path: string) => (await server.json<T>('GET', `/api/v1${path}`)).body;

  beforeAll(async () => {
    const created = await createLocation();
    database = created;
    server = await startTestServer({ seed: true, location: created.location, env: { ACCORD_PUBLISH_RATE_LIMIT: '100000' }, onQuery: (statement) => statements.push(statement) });
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await database?.cleanup();
  });

  describe(`GraphQL over the seeded registry on ${name}`, () => {
    // The server's background work (delivery outbox, traffic roll-ups) shares the statement log and can only add
    // to a count, so the fewest of three tries is what the request itself costs.
    const fewestStatements = async <T,>(query: string, variables: Record<string, unknown> = {}) => {
      let fewest = { count: Number.POSITIVE_INFINITY, data: undefined as T | undefined };
      for (let attempt = 0; attempt < 3; attempt++) {
        statements = [];
        const { body } = await graphql<T>(query, variables);
        expect(body.errors).toBeUndefined();
        if (statements.length < fewest.count) fewest = { count: statements.length, data: body.data };
      }
      return fewest as { count: number; data: T };
    };

    it('answers the catalog with the same contracts, owners, versions and consumers as REST', async () => {
      const { body } = await graphql<{ contracts: { edges: { node: CatalogNode }[] } }>(CATALOG_PAGE, { first: 50 });
      expect(body.errors).toBeUndefined();
      const nodes = body.data!.contracts.edges.map((e) => e.node);
      const listed = (await rest<{ items: { slug: string; lifecycle: string; latestVersion: string | null; team: string; system: string; domain: string }[] }>('/contracts?limit=50')).items;
      expect(nodes.map((n) => ({ slug: n.slug, lifecycle: n.lifecycle, latestVersion: n.latestVersion, team: n.team.slug, system: n.system.slug, domain: n.system.domain }))).toEqual(
        listed.map((c) => ({ slug: c.slug, lifecycle: c.lifecycle, latestVersion: c.latestVersion, team: c.team, system: c.system, domain: c.domain })),
      );
      for (const node of nodes.filter((n) => n.latest !== null)) {
        const version = await rest<{ version: string; operations: { key: string }[] }>(`/contracts/${node.slug}/versions/latest`);
        expect(node.latest).toEqual({ version: version.version, operations: version.operations.map((o) => ({ key: o.key })) });
        const approved = (await rest<{ items: { consumer: string }[] }>(`/contracts/${node.slug}/subscriptions?status=approved`)).items;
        expect(node.consumers.map((c) => c.slug).sort()).toEqual([...new Set(approved.map((s) => s.consumer))].sort());
      }
      expect(nodes.some((n) => n.consumers.length > 0)).toBe(true);
    });

    it('counts the contracts per facet value, each facet ignoring its own filter but not the others', async () => {
      type Facets = Record<'domain' | 'team' | 'kind' | 'lifecycle' | 'tag', { value: string; label: string; count: number }[]>;
      const FACETS = 'query($domain: String, $tag: String, $search: String) { contractFacets(domain: $domain, tag: $tag, search: $search) { domain { value label count } team { value label count } kind { value count } lifecycle { value count } tag { value count } } }';
      const all = (await graphql<{ contractFacets: Facets }>(FACETS)).body.data!.contractFacets;
      const listed = (await rest<{ items: { domain: string; kind: string | null; tags: string[] }[] }>('/contracts?limit=100')).items;
      const tally = (values: (string | null)[]) => Object.fromEntries([...new Set(values.filter((v) => v !== null))].map((v) => [v, values.filter((w) => w === v).length]));
      expect(Object.fromEntries(all.domain.map((f) => [f.value, f.count]))).toEqual(tally(listed.map((c) => c.domain)));
      expect(Object.fromEntries(all.kind.map((f) => [f.value, f.count]))).toEqual(tally(listed.map((c) => c.kind)));
      expect(Object.fromEntries(all.tag.map((f) => [f.value, f.count]))).toEqual(tally(listed.flatMap((c) => c.tags)));
      expect(all.team.find((f) => f.value === 'supply-chain')?.label).toBe('Supply Chain Platform');

      const retail = (await graphql<{ contractFacets: Facets }>(FACETS, { domain: 'retail' })).body.data!.contractFacets;
      // The domain facet still offers every domain; the others count only retail's contracts.
      expect(retail.domain).toEqual(all.domain);
      const retailListed = listed.filter((c) => c.domain === 'retail');
      expect(Object.fromEntries(retail.tag.map((f) => [f.value, f.count]))).toEqual(tally(retailListed.flatMap((c) => c.tags)));

      // A chosen tag keeps every tag choosable and narrows the other facets to the tagged contracts.
      const tag = all.tag[0]!.value;
      const tagged = (await graphql<{ contractFacets: Facets }>(FACETS, { tag })).body.data!.contractFacets;
      expect(tagged.tag).toEqual(all.tag);
      expect(Object.fromEntries(tagged.domain.map((f) => [f.value, f.count]))).toEqual(tally(listed.filter((c) => c.tags.includes(tag)).map((c) => c.domain)));

      // A search narrows every facet to the contracts it finds.
      const found = (await rest<{ items: { domain: string; tags: string[] }[] }>('/contracts?q=stock&limit=100')).items;
      const searched = (await graphql<{ contractFacets: Facets }>(FACETS, { search: 'stock' })).body.data!.contractFacets;
      expect(found.length).toBeGreaterThan(0);
      expect(Object.fromEntries(searched.domain.map((f) => [f.value, f.count]))).toEqual(tally(found.map((c) => c.domain)));
      expect(Object.fromEntries(searched.tag.map((f) => [f.value, f.count]))).toEqual(tally(found.flatMap((c) => c.tags)));
    });

    it('reads a catalog page of contracts with their owners, latest versions and consumers in a few statements, whatever the page size', async () => {
      const countFor = async (query: string, variables: Record<string, unknown> = {}) => (await fewestStatements(query, variables)).count;
      // Authenticating the caller costs statements of its own, as for any request.
      const authentication = await countFor('{ __typename }');
      const small = (await countFor(CATALOG_PAGE, { first: 2 })) - authentication;
      const large = (await countFor(CATALOG_PAGE, { first: 50 })) - authentication;
      expect(large).toBeLessThanOrEqual(6);
      // A page of two may find its consumers among the systems it read already; never more than the large page.
      expect(small).toBeLessThanOrEqual(large);
    });

    it("answers the owners' slugs and domain of a catalog page from the contracts' rows, with no read of their own", async () => {
      type Page = { contracts: { edges: { node: { slug: string; team?: { slug: string }; system?: { slug: string; domain: string } } }[] } };
      const count = async (query: string) => {
        const { count, data } = await fewestStatements<Page>(query);
        return { statements: count, nodes: data.contracts.edges.map((e) => e.node) };
      };
      const bare = await count('{ contracts(first: 50) { edges { node { slug } } } }');
      const owned = await count('{ contracts(first: 50) { edges { node { slug team { slug } system { slug domain } } } } }');
      expect(owned.statements).toBe(bare.statements);
      const listed = (await rest<{ items: { slug: string; team: string; system: string; domain: string }[] }>('/contracts?limit=50')).items;
      expect(owned.nodes).toEqual(listed.map((c) => ({ slug: c.slug, team: { slug: c.team }, system: { slug: c.system, domain: c.domain } })));
    });

    it('pages with cursors that resume after the same contract when another is inserted before it', async () => {
      const first = await graphql<{ contracts: { edges: { cursor: string; node: { slug: string } }[]; totalCount: number } }>('{ contracts(first: 2) { totalCount edges { cursor node { slug } } } }');
      const [, second] = first.body.data!.contracts.edges;
      const rest1 = await graphql<{ contracts: { edges: { node: { slug: string } }[] } }>('query($after: String) { contracts(first: 50, after: $after) { edges { node { slug } } } }', { after: second!.cursor });
      const system = (await rest<{ items: { slug: string }[] }>('/systems')).items[0]!.slug;
      expect((await server.json('POST', '/api/v1/contracts', { slug: 'aaa-inserted-first', name: 'Inserted', system })).status).toBe(201);
      const rest2 = await graphql<{ contracts: { edges: { node: { slug: string } }[]; totalCount: number } }>('query($after: String) { contracts(first: 50, after: $after) { totalCount edges { node { slug } } } }', { after: second!.cursor });
      expect(rest2.body.data!.contracts.edges).toEqual(rest1.body.data!.contracts.edges);
      expect(rest2.body.data!.contracts.totalCount).toBe(first.body.data!.contracts.totalCount + 1);
    });

    it('counts every list it pages, the same whatever page is read', async () => {
      const slug = (await rest<{ items: { slug: string; latestVersion: string | null }[] }>('/contracts?limit=50')).items.find((c) => c.latestVersion !== null)!.slug;
      expect((await server.json('POST', '/api/v1/users', { email: 'counted@example.com', name: 'Counted', password: 'a long enough password' })).status).toBe(201);
      const lists: Record<string, (first: number) => string> = {
        people: (first) => `{ list: people(first: ${first}) { totalCount pageInfo { hasNextPage } edges { cursor } } }`,
        audit: (first) => `{ list: audit(first: ${first}, targetType: "contract") { totalCount pageInfo { hasNextPage } edges { cursor } } }`,
        rulesetAssignments: (first) => `{ list: rulesetAssignments(first: ${first}) { totalCount pageInfo { hasNextPage } edges { cursor } } }`,
        checks: (first) => `{ contract(slug: "${slug}") { list: checks(first: ${first}) { totalCount pageInfo { hasNextPage } edges { cursor } } } }`,
        waivers: (first) => `{ contract(slug: "${slug}") { list: waivers(first: ${first}) { totalCount pageInfo { hasNextPage } edges { cursor } } } }`,
        deployments: (first) => `{ contract(slug: "${slug}") { list: deployments(first: ${first}) { totalCount pageInfo { hasNextPage } edges { cursor } } } }`,
      };
      type Listed = { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: unknown[] };
      const read = async (query: string) => {
        const { body } = await graphql<{ list?: Listed; contract?: { list: Listed } }>(query);
        expect(body.errors).toBeUndefined();
        return body.data!.list ?? body.data!.contract!.list;
      };
      const totals: Record<string, number> = {};
      for (const [name, query] of Object.entries(lists)) {
        const all = await read(query(200));
        const one = await read(query(1));
        if (!all.pageInfo.hasNextPage) expect(all.totalCount, name).toBe(all.edges.length);
        expect(one.totalCount, name).toBe(all.totalCount);
        totals[name] = all.totalCount;
      }
      expect(totals.people).toBeGreaterThan(0);
      expect(totals.audit).toBeGreaterThan(0);
      expect(totals.deployments).toBeGreaterThan(0);
    });

    it('draws the landscape of a domain from its approved subscriptions, with the operations they use', async () => {
      const { body } = await graphql<{ landscape: { nodes: { slug: string; domain: string }[]; edges: { contract: { slug: string }; provider: { slug: string }; consumer: { slug: string }; operations: string[] }[] } }>(
        '{ landscape(domain: "retail") { nodes { slug domain } edges { contract { slug } provider { slug } consumer { slug } operations } } }',
      );
      expect(body.errors).toBeUndefined();
      const { nodes, edges } = body.data!.landscape;
      expect(nodes.filter((n) => n.domain === 'retail').length).toBeGreaterThan(0);
      expect(edges.length).toBeGreaterThan(0);
      for (const edge of edges) {
        expect(nodes.map((n) => n.slug)).toEqual(expect.arrayContaining([edge.provider.slug, edge.consumer.slug]));
        const subscriptions = (await rest<{ items: { consumer: string; operations: string[]; status: string }[] }>(`/contracts/${edge.contract.slug}/subscriptions?status=approved`)).items;
        expect(subscriptions).toContainEqual(expect.objectContaining({ consumer: edge.consumer.slug, operations: edge.operations }));
      }
    });

    it('compares two published versions with the findings the later one was published with', async () => {
      const withTwo = (await rest<{ items: { slug: string }[] }>('/contracts?limit=50')).items;
      for (const { slug } of withTwo) {
        const entries = (await rest<{ items: { version: string; previous: string | null; breaking: unknown[] }[] }>(`/contracts/${slug}/changelog`)).items;
        const step = entries.find((e) => e.previous !== null);
        if (!step) continue;
        const { body } = await graphql<{ compare: { source: string; findings: { rule: string }[]; verdict: string } }>('query($c: String!, $f: String!, $t: String!) { compare(contract: $c, from: $f, to: $t) { source verdict findings { rule } } }', {
          c: slug,
          f: step.previous,
          t: step.version,
        });
        expect(body.errors).toBeUndefined();
        expect(body.data!.compare.source).toBe('stored');
        expect(body.data!.compare.verdict === 'fail').toBe(step.breaking.length > 0);
        return;
      }
      throw new Error('the seed has no contract with two versions');
    });
  });

  describe(`GraphQL refusals on ${name}`, () => {
    it('carries the REST problem code: not-found, invalid-input with pointers, unauthenticated', async () => {
      const missing = await graphql('mutation { updateContract(slug: "no-such-contract", patch: { description: "x" }) { slug } }');
      expect(missing.body.errors?.[0]?.extensions?.code).toBe('not-found');
      const invalid = await graphql('mutation { createTeam(input: { slug: "t-invalid", name: "" }) { slug } }');
      expect(invalid.body.errors?.[0]?.extensions).toMatchObject({ code: 'invalid-input', errors: [expect.objectContaining({ pointer: '/name' })] });
      const anonymous = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation { createTeam(input: { slug: "t-anonymous", name: "Anonymous" }) { slug } }' }) });
      expect(((await anonymous.json()) as GraphqlAnswer).errors?.[0]?.extensions?.code).toBe('unauthenticated');
      expect((await rest<unknown>('/teams/t-anonymous')) as { code?: string }).toMatchObject({ code: 'not-found' });
    });

    it('refuses a breaking publish as publish-blocked, with the findings', async () => {
      const { items } = await rest<{ items: { slug: string; kind: string; latestVersion: string | null; lifecycle: string }[] }>('/contracts?kind=openapi&lifecycle=active');
      const target = items.find((c) => c.latestVersion !== null)!;
      const [major] = target.latestVersion!.split('.');
      const version = `${major}.99.0`;
      const document = JSON.stringify({ openapi: '3.1.0', info: { title: 'Gutted', version }, paths: {} });
      const { body } = await graphql<{ publishVersion: unknown }>('mutation($input: PublishVersionInput!) { publishVersion(input: $input) { created } }', { input: { contract: target.slug, version, document } });
      expect(body.data).toBeNull();
      const [error] = body.errors!;
      expect(error!.extensions!.code).toBe('publish-blocked');
      expect((error!.extensions!.findings as { id: string; level: string }[]).some((f) => f.level === 'error')).toBe(true);
    });

    it('refuses a cross-site form post of a mutation and writes nothing', async () => {
      const form = new URLSearchParams({ query: 'mutation { createTeam(input: { slug: "t-form", name: "Form" }) { slug } }' });
      const res = await server.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, body: form.toString() });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect((await rest<{ code?: string }>('/teams/t-form')).code).toBe('not-found');
    });

    it('answers a query sent with GET only when it carries a header no other site can send', async () => {
      const query = `/graphql?query=${encodeURIComponent('{ teams { totalCount } }')}`;
      // Anonymous, as a page of another site would send it: no authorization, no custom header.
      const bare = await fetch(server.url + query, { headers: { accept: 'application/json' } });
      expect(bare.status).toBe(403);
      expect(JSON.stringify(await bare.json())).toMatch(/CSRF/);
      const marked = await fetch(server.url + query, { headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' } });
      expect(marked.status).toBe(200);
      expect(((await marked.json()) as GraphqlAnswer<{ teams: { totalCount: number } }>).data!.teams.totalCount).toBeGreaterThan(0);
    });

    it('refuses a mutation sent with GET', async () => {
      const res = await server.fetch(`/graphql?query=${encodeURIComponent('mutation { createTeam(input: { slug: "t-get", name: "Get" }) { slug } }')}`, { headers: { accept: 'application/json' } });
      expect(res.status).toBe(405);
      expect((await rest<{ code?: string }>('/teams/t-get')).code).toBe('not-found');
    });

    it('refuses a query past the depth limit before running it, saying which limit', async () => {
      const deep = `{ contracts { edges { node { system { contracts { edges { node { system { contracts { edges { node { system { slug } } } } } } } } } } } } }`;
      statements = [];
      const { body } = await graphql(deep);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.message).toMatch(/depth limit of 12/i);
      expect(statements.filter((statement) => /"contracts"/.test(statement))).toEqual([]);
    });

    it('refuses a query past the cost limit before running it, saying which limit', async () => {
      const fields = 'slug name lifecycle latestVersion description tags kind domain createdAt updatedAt';
      const nested = `system { slug name domain team { slug name systems { edges { node { slug name contracts { edges { node { ${fields} } } } } } } } }`;
      const wide = `{ ${Array.from({ length: 14 }, (_, i) => `a${i}: contracts { edges { node { ${fields} ${nested} latest { version operations { key method path } } } } }`).join(' ')} }`;
      statements = [];
      const { body } = await graphql(wide);
      expect(body.data).toBeUndefined();
      expect(body.errors?.map((e) => e.message).join(' ')).toMatch(/cost limit/i);
      expect(statements.filter((statement) => /"contracts"/.test(statement))).toEqual([]);
    });

    it('refuses nested pages that could read more rows than the limit, whether the page sizes are literals or variables', async () => {
      const nested = (first: string) => `query($first: Int) { teams(first: ${first}) { edges { node { systems(first: ${first}) { edges { node { contracts(first: ${first}) { edges { node { slug } } } } } } } } } }`;
      // The armor's cost limit sees literal page sizes; a variable's value is known only when the query runs.
      for (const [query, variables, refusal] of [
        [nested('200'), {}, /cost limit of 5000 exceeded/i],
        [nested('$first'), { first: 200 }, /up to \d+ rows, more than the limit of 20000/],
      ] as const) {
        statements = [];
        const { body } = await graphql(query, variables);
        expect(body.data ?? undefined).toBeUndefined();
        expect(body.errors?.[0]?.message).toMatch(refusal);
        expect(statements.filter((statement) => /from "teams"/.test(statement))).toEqual([]);
      }
      // Pages of a size a person reads stay well inside it.
      const { body } = await graphql(nested('$first'), { first: 10 });
      expect(body.errors).toBeUndefined();
    });
  });

  describe(`GraphQL live registry events on ${name}`, () => {
    let contract: string;
    beforeAll(async () => {
      const system = (await rest<{ items: { slug: string }[] }>('/systems')).items[0]!.slug;
      contract = `live-${name.toLowerCase()}`;
      const created = await server.json('POST', '/api/v1/contracts', { slug: contract, name: 'Live', system });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    });

    it('delivers a version published through REST to a subscriber over server-sent events, and only what it asked for', async () => {
      const live = await followOver(server, REGISTRY_EVENTS, { contract, types: ['VERSION_PUBLISHED'] });
      try {
        expect(live.status).toBe(200);
        expect(live.contentType).toMatch(/text\/event-stream/);
        // Not asked for: another type of event, and the same type on another contract.
        expect((await server.json('PATCH', `/api/v1/contracts/${contract}`, { lifecycle: 'active' })).status).toBe(200);
        const published = await server.json('POST', `/api/v1/contracts/${contract}/versions`, { version: '1.0.0', document: openApi('1.0.0', ['/a']) });
        expect(published.status, JSON.stringify(published.body)).toBe(201);
        const { data, errors } = await live.next<{ registryEvents: { type: string; contract: string; version: string; data: { operations: number } } }>();
        expect(errors).toBeUndefined();
        expect(data!.registryEvents).toMatchObject({ type: 'VERSION_PUBLISHED', contract, version: '1.0.0', data: { operations: 1 } });
      } finally {
        live.close();
      }
    });

    it('delivers deprecations, subscription decisions and failing checks as they happen', async () => {
      const live = await followOver(server, REGISTRY_EVENTS, { contract });
      try {
        const consumer = (await rest<{ items: { slug: string }[] }>('/systems')).items[1]!.slug;
        const requested = await server.json<{ id: string }>('POST', `/api/v1/contracts/${contract}/subscriptions`, { consumer, range: '^1.0.0', operations: ['GET /a'] });
        expect(requested.status, JSON.stringify(requested.body)).toBe(201);
        expect((await server.json('POST', `/api/v1/subscriptions/${requested.body.id}/approve`)).status).toBe(200);
        const checked = await server.json<{ id: string; verdict: string }>('POST', `/api/v1/contracts/${contract}/checks`, { version: '1.1.0', document: openApi('1.1.0', []) });
        expect(checked.body.verdict).toBe('fail');
        expect((await server.json('POST', `/api/v1/contracts/${contract}/deprecate`, { sunsetAt: new Date(Date.now() + 90 * 86_400_000).toISOString() })).status).toBe(200);
        const seen: { type: string; subscription: string | null; check: string | null }[] = [];
        while (seen.length < 4) seen.push((await live.next<{ registryEvents: (typeof seen)[number] }>()).data!.registryEvents);
        expect(seen.map(({ type, subscription, check }) => ({ type, subscription, check })).sort((a, b) => a.type.localeCompare(b.type))).toEqual([
          { type: 'CHECK_FAILED', subscription: null, check: checked.body.id },
          { type: 'CONTRACT_DEPRECATED', subscription: null, check: null },
          { type: 'SUBSCRIPTION_APPROVED', subscription: requested.body.id, check: null },
          { type: 'SUBSCRIPTION_REQUESTED', subscription: requested.body.id, check: null },
        ]);
      } finally {
        live.close();
      }
    });
  });

  describe(`GraphQL with a session cookie on ${name}`, () => {
    const password = 'a long enough password';
    let cookie: string;
    beforeAll(async () => {
      expect((await server.json('POST', '/api/v1/teams', { slug: 'cookie-team', name: 'Cookie team' })).status).toBe(201);
      expect((await server.json('POST', '/api/v1/users', { email: 'cookie@example.com', name: 'Cookie', password })).status).toBe(201);
      expect((await server.json('POST', '/api/v1/teams/cookie-team/members', { email: 'cookie@example.com', role: 'maintainer' })).status).toBe(201);
      cookie = await signIn(server, { email: 'cookie@example.com', password });
    });
    const description = async () => (await rest<{ description: string }>('/teams/cookie-team')).description;

    it('answers a query as the person signed in', async () => {
      const { body } = await graphql<{ me: { kind: string; user: { email: string } } }>('{ me { kind user { email } } }', {}, { cookie, origin: server.url });
      expect(body.errors).toBeUndefined();
      expect(body.data!.me).toMatchObject({ user: { email: 'cookie@example.com' } });
    });

    it('runs a mutation sent from Accord\'s own origin, and records the person as its author', async () => {
      const { body } = await graphql<{ updateTeam: { description: string } }>('mutation { updateTeam(slug: "cookie-team", patch: { description: "set with a cookie" }) { description } }', {}, { cookie, origin: server.url });
      expect(body.errors).toBeUndefined();
      expect(await description()).toBe('set with a cookie');
      const audit = await rest<{ items: { action: string; actor: string }[] }>('/audit?limit=5');
      expect(audit.items[0]!.actor).toMatch(/^user:/);
    });

    it('refuses a mutation with the cookie from a foreign origin, or from no origin, and changes nothing', async () => {
      for (const origin of [{ origin: 'https://evil.example' }, {}] as Record<string, string>[]) {
        const res = await server.fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, ...origin },
          body: JSON.stringify({ query: 'mutation { updateTeam(slug: "cookie-team", patch: { description: "forged" }) { description } }' }),
        });
        expect(res.status).toBe(403);
        expect(((await res.json()) as { code: string }).code).toBe('cross-origin-write');
      }
      expect(await description()).toBe('set with a cookie');
    });
  });

  describe('the GraphQL explorer', () => {
    it('is served to a browser and loads nothing from another origin', async () => {
      const res = await server.fetch('/graphql', { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toMatch(/https?:/);
      const html = await res.text();
      const referenced = [...html.matchAll(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]!);
      const foreign = referenced.filter((url) => /^(?:https?:)?\/\//i.test(url));
      expect(foreign).toEqual([]);
      expect(html).not.toMatch(/@import\s+url\(\s*["']?https?:/i);
    });
  });
}

describe('on PGlite', () => graphqlBehaviour('PGlite', createPgliteLocation));
describe.skipIf(!postgresUrl)('on PostgreSQL', () => graphqlBehaviour('PostgreSQL', createPostgresLocation));

describe.skipIf(!postgresUrl)('GraphQL live registry events with two instances on one PostgreSQL database', () => {
  it('delivers to a subscriber of one instance a version published through the other', async () => {
    const database = await createPostgresLocation();
    const first = await startTestServer({ location: database.location });
    const second = await startTestServer({ location: database.location });
    try {
      expect((await first.json('POST', '/api/v1/teams', { slug: 'twins', name: 'Twins' })).status).toBe(201);
      expect((await first.json('POST', '/api/v1/systems', { slug: 'twins-app', name: 'Twins', team: 'twins', domain: 'retail' })).status).toBe(201);
      expect((await first.json('POST', '/api/v1/contracts', { slug: 'twins-api', name: 'Twins', system: 'twins-app' })).status).toBe(201);
      const live = await followOver(first, REGISTRY_EVENTS, { contract: 'twins-api' });
      try {
        expect((await second.json('POST', '/api/v1/contracts/twins-api/versions', { version: '1.0.0', document: openApi('1.0.0', ['/a']) })).status).toBe(201);
        expect((await live.next<{ registryEvents: unknown }>()).data!.registryEvents).toMatchObject({ type: 'VERSION_PUBLISHED', contract: 'twins-api', version: '1.0.0' });
      } finally {
        live.close();
      }
    } finally {
      await second.close();
      await first.close();
      await database.cleanup();
    }
  }, 120_000);
});

describe('GraphQL with introspection turned off', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { ACCORD_GRAPHQL_INTROSPECTION: 'false' } });
  }, 180_000);
  afterAll(() => server?.close());

  it('refuses a query for the schema, and for a type, while answering ordinary queries', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Contract") { fields { name } } }']) {
      const { body } = await graphqlTo(server, query);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    }
    const { body } = await graphqlTo<{ contracts: { totalCount: number } }>(server, '{ contracts { totalCount } }');
    expect(body.errors).toBeUndefined();
    expect(body.data!.contracts.totalCount).toBe(0);
  });

  it('suggests no field names that would spell out the schema', async () => {
    const { body } = await graphqlTo(server, '{ contract(slug: "x") { slu } }');
    expect(body.errors?.[0]?.message).not.toMatch(/did you mean/i);
  });
});
