import type { Contract, Page, Subscription, System, Team, VersionSummary } from '../../registry/index.js';
import type { AccordClient } from '../accord-client.js';
import { UsageError } from '../cli-errors.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';
import { printTable } from '../print-table.js';

export const lsHelp = `accord ls [contracts|teams|systems|versions <contract>|subscriptions <contract>|environments|deployments]
         [--team T] [--system S] [--domain D] [--kind openapi|asyncapi] [--lifecycle L] [--tag T] [--q TEXT]
         [--limit N] [--all] [--server URL] [--json]

Lists what the registry holds (contracts by default). --all follows every page.`;

type Row = (string | number | null | undefined)[];
interface Listing<T> {
  path: string;
  headers: string[];
  row: (item: T) => Row;
}

const listings = {
  contracts: { path: '/contracts', headers: ['slug', 'kind', 'lifecycle', 'latest', 'system', 'team', 'name'], row: (c: Contract) => [c.slug, c.kind, c.lifecycle, c.latestVersion, c.system, c.team, c.name] },
  teams: { path: '/teams', headers: ['slug', 'name'], row: (t: Team) => [t.slug, t.name] },
  systems: { path: '/systems', headers: ['slug', 'team', 'domain', 'name'], row: (s: System) => [s.slug, s.team, s.domain, s.name] },
};

async function collect<T>(client: AccordClient, path: string, query: Record<string, string | number | undefined>, all: boolean): Promise<{ items: T[]; more: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const { body } = await client.request<Page<T>>('GET', path, { query: { ...query, cursor } });
    items.push(...body.items);
    cursor = body.nextCursor ?? undefined;
  } while (all && cursor);
  return { items, more: cursor !== undefined };
}

export async function ls(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...clientOptions,
    team: { type: 'string' },
    system: { type: 'string' },
    domain: { type: 'string' },
    kind: { type: 'string' },
    lifecycle: { type: 'string' },
    tag: { type: 'string' },
    q: { type: 'string' },
    limit: { type: 'string' },
    all: { type: 'boolean', default: false },
  });
  if (values.help) return void console.log(lsHelp), 0;
  const [what = 'contracts', arg] = positionals;
  const client = clientFrom(values);
  if (values.limit !== undefined && !/^[1-9]\d*$/.test(values.limit)) throw new UsageError(`--limit must be a positive whole number, not "${values.limit}"`);
  const page = { limit: values.limit };
  const print = <T>(listing: Listing<T>, result: { items: T[]; more: boolean }) => {
    if (values.json) return void console.log(JSON.stringify(result.items));
    printTable(listing.headers, result.items.map(listing.row));
    if (result.more) console.error('(more results: use --all or --limit)');
  };

  switch (what) {
    case 'contracts':
    case 'teams':
    case 'systems': {
      const listing = listings[what] as Listing<unknown>;
      const filters = { team: values.team, system: values.system, domain: values.domain, kind: values.kind, lifecycle: values.lifecycle, tag: values.tag, q: values.q };
      const allowed = what === 'contracts' ? filters : what === 'systems' ? { team: values.team, domain: values.domain, q: values.q } : { q: values.q };
      print(listing, await collect(client, listing.path, { ...allowed, ...page }, values.all));
      return 0;
    }
    case 'versions': {
      if (!arg) throw new UsageError('name the contract: accord ls versions <contract>');
      const listing: Listing<VersionSummary> = {
        path: `/contracts/${encodeURIComponent(arg)}/versions`,
        headers: ['version', 'spec', 'operations', 'published', 'by', 'hash'],
        row: (v) => [v.version, `${v.specKind} ${v.specVersion}`, v.operationCount, new Date(v.publishedAt).toISOString(), v.publishedBy, v.contentHash.slice(0, 19)],
      };
      print(listing, await collect(client, listing.path, page, values.all));
      return 0;
    }
    case 'subscriptions': {
      if (!arg) throw new UsageError('name the contract: accord ls subscriptions <contract>');
      const listing: Listing<Subscription> = {
        path: `/contracts/${encodeURIComponent(arg)}/subscriptions`,
        headers: ['id', 'consumer', 'range', 'status', 'operations'],
        row: (s) => [s.id, s.consumer, s.range, s.status, s.operations.join(', ')],
      };
      print(listing, await collect(client, listing.path, page, values.all));
      return 0;
    }
    case 'environments': {
      const { body } = await client.request<{ items: { slug: string; name: string; rank: number }[] }>('GET', '/environments');
      if (values.json) console.log(JSON.stringify(body.items));
      else printTable(['slug', 'rank', 'name'], body.items.map((e) => [e.slug, e.rank, e.name]));
      return 0;
    }
    case 'deployments': {
      const { body } = await client.request<{ environments: { slug: string }[]; rows: { contract: string; deployments: Record<string, { version: string } | null> }[] }>('GET', '/deployments', {
        query: { team: values.team, system: values.system },
      });
      if (values.json) return void console.log(JSON.stringify(body)), 0;
      const envs = body.environments.map((e) => e.slug);
      printTable(['contract', ...envs], body.rows.map((r) => [r.contract, ...envs.map((e) => r.deployments[e]?.version ?? '—')]));
      return 0;
    }
    default:
      throw new UsageError(`cannot list "${what}"\n\n${lsHelp}`);
  }
}
