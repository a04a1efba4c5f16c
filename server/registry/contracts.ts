import { and, arrayContains, asc, count, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/index.js';
import { ownerOfContract, ownerOfSystem } from './owner-of.js';
import { DEFAULT_COMPATIBILITY_MODE, rules, type CompatibilityMode, type LevelOverrides } from '../compat/index.js';
import type { Db } from '../db/index.js';
import { Conflict, InvalidInput, NotFound, newId, type Actor } from '../shared/index.js';
import { DEFAULT_VALIDITY, type ContractKind, type Validity } from '../spec/index.js';
import { readPageRequest, slugCursor, toPage } from './page.js';
import type { Contract, ContractDetail, Lifecycle, Page, PageRequest, RegistryDeps } from './registry-types.js';
import { contractIdOf } from './contract-id-of.js';
import { operationDeprecationsOf } from './operation-deprecations-of.js';
import { assertLifecycleChange, deprecateThroughRegistry } from './assert-lifecycle-change.js';
import { assertSlug } from './slug.js';
import { loweredTextSearch } from './lowered-text-search.js';
import { contracts, systems, teams, versions } from './registry.tables.js';


export interface ContractInput {
  slug: string;
  name: string;
  system: string;
  kind?: ContractKind;
  lifecycle?: Lifecycle;
  compatibilityMode?: CompatibilityMode;
  ruleLevels?: LevelOverrides;
  validity?: Validity;
  description?: string;
  tags?: string[];
}

/** No `sunsetAt`: a sunset is set only by deprecating, which checks it and tells the consumers. */
export type ContractPatch = Partial<Omit<ContractInput, 'slug' | 'kind'>>;

export interface ContractFilter extends PageRequest {
  team?: string;
  system?: string;
  domain?: string;
  kind?: ContractKind;
  lifecycle?: Lifecycle;
  tag?: string;
  q?: string;
}

/** What "latest" means among the versions of one contract, aliased `v`: both readers below order by it. */
const NEWEST_FIRST = sql.raw('(v.prerelease is null) desc, v.major desc, v.minor desc, v.patch desc, v.published_at desc');

/**
 * The newest stable version, or the newest pre-release when there is no stable one yet. Ordering
 * among pre-releases of one x.y.z falls back to publication time.
 */
export const latestVersionOf = (contractId: SQL | typeof contracts.id) => sql<string | null>`(
  select v.version from ${versions} v where v.contract_id = ${contractId} order by ${NEWEST_FIRST} limit 1)`;

/**
 * The latest version's number, specification version and findings, as `latest`, for a left join: lateral,
 * so each contract reads its own versions through their index. Joining on `version =
 * latestVersionOf(...)` let the planner hash every version of every contract instead, which cost
 * as much for a page of 30 contracts as for the whole registry.
 */
export const latestVersionRowOf = (contractId: SQL | typeof contracts.id) => sql`lateral (
  select v.version, v.spec_version, v.findings from ${versions} v where v.contract_id = ${contractId} order by ${NEWEST_FIRST} limit 1) as latest`;

const columns = {
  slug: contracts.slug,
  name: contracts.name,
  kind: contracts.kind,
  system: systems.slug,
  team: teams.slug,
  domain: systems.domain,
  lifecycle: contracts.lifecycle,
  compatibilityMode: contracts.compatibilityMode,
  ruleLevels: contracts.ruleLevels,
  validity: contracts.validity,
  description: contracts.description,
  tags: contracts.tags,
  sunsetAt: contracts.sunsetAt,
  latestVersion: latestVersionOf(contracts.id),
  createdAt: contracts.createdAt,
  updatedAt: contracts.updatedAt,
};

/** A level for a rule Accord does not have is a typo that would otherwise silently do nothing. */
function assertKnownRules(levels: LevelOverrides): void {
  const known = new Set(rules.map((rule) => rule.id));
  const unknown = Object.keys(levels).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new InvalidInput(`${unknown.length === 1 ? 'no rule has the id' : 'no rules have the ids'} ${unknown.join(', ')}; ruleLevels takes the ids findings carry, such as response-property-removed`, unknown.map((id) => ({ pointer: `/ruleLevels/${id.replaceAll('~', '~0').replaceAll('/', '~1')}`, message: 'no rule has this id' })), 'unknown-rule');
  }
}

export function createContracts({ db, clock, compatibility, access }: RegistryDeps) {
  const select = (tx: Db = db) =>
    tx.select(columns).from(contracts).innerJoin(systems, eq(systems.id, contracts.systemId)).innerJoin(teams, eq(teams.id, systems.teamId));
  const byId = async (tx: Db, id: string) => (await select(tx).where(eq(contracts.id, id)))[0] as Contract;

  return {
    async create(input: ContractInput, actor: Actor): Promise<Contract> {
      assertSlug(input.slug, '/slug');
      if (input.ruleLevels) assertKnownRules(input.ruleLevels);
      if (input.lifecycle === 'deprecated') throw deprecateThroughRegistry(input.slug);
      return db.transaction(async (tx) => {
        const { systemId, teamId } = await ownerOfSystem(tx, input.system, '/system');
        await access.assert(tx, actor, 'contract.manage', teamId);
        const now = clock.now();
        const [row] = await tx
          .insert(contracts)
          .values({
            id: newId(),
            slug: input.slug,
            name: input.name,
            kind: input.kind ?? null,
            systemId,
            lifecycle: input.lifecycle ?? 'draft',
            compatibilityMode: input.compatibilityMode ?? compatibility?.defaultMode ?? DEFAULT_COMPATIBILITY_MODE,
            ruleLevels: input.ruleLevels ?? {},
            validity: input.validity ?? compatibility?.defaultValidity ?? DEFAULT_VALIDITY,
            description: input.description ?? '',
            tags: [...new Set(input.tags ?? [])],
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: contracts.id });
        if (!row) throw new Conflict('already-exists', `contract "${input.slug}" already exists`, [{ pointer: '/slug', message: 'taken' }]);
        await recordAuditEvent(tx, { actor, action: 'contract.created', targetType: 'contract', targetId: input.slug, summary: { system: input.system, kind: input.kind ?? null }, at: now });
        return byId(tx, row.id);
      });
    },

    /** One contract with the operations deprecated through the registry, which lists leave out. */
    async get(slug: string): Promise<ContractDetail> {
      const [row] = await select().where(eq(contracts.slug, slug));
      if (!row) throw new NotFound(`contract "${slug}"`);
      return { ...(row as Contract), deprecations: { operations: await operationDeprecationsOf(db, await contractIdOf(db, slug)) } };
    },

    async update(slug: string, patch: ContractPatch, actor: Actor): Promise<Contract> {
      if (patch.ruleLevels) assertKnownRules(patch.ruleLevels);
      return db.transaction(async (tx) => {
        const [current] = await tx.select().from(contracts).where(eq(contracts.slug, slug)).for('update');
        if (!current) throw new NotFound(`contract "${slug}"`);
        const owner = await ownerOfContract(tx, slug);
        await access.assert(tx, actor, 'contract.manage', owner.teamId);
        const moveTo = patch.system === undefined ? undefined : await ownerOfSystem(tx, patch.system, '/system');
        // Moving a contract to another team's system needs the right to manage contracts there too.
        if (moveTo && moveTo.teamId !== owner.teamId) await access.assert(tx, actor, 'contract.manage', moveTo.teamId);
        const now = clock.now();
        if (patch.lifecycle !== undefined) await assertLifecycleChange(tx, { contract: current, to: patch.lifecycle, now });
        const { system, tags, ...rest } = patch;
        await tx
          .update(contracts)
          .set({
            ...rest,
            ...(moveTo === undefined ? {} : { systemId: moveTo.systemId }),
            ...(tags === undefined ? {} : { tags: [...new Set(tags)] }),
            updatedAt: now,
          })
          .where(eq(contracts.id, current.id));
        await recordAuditEvent(tx, { actor, action: 'contract.updated', targetType: 'contract', targetId: slug, summary: { ...patch, before: { lifecycle: current.lifecycle } }, at: now });
        return byId(tx, current.id);
      });
    },

    async list(filter: ContractFilter): Promise<Page<Contract>> {
      const { limit, after } = readPageRequest(filter, slugCursor);
      const where: (SQL | undefined)[] = [after === undefined ? undefined : gt(contracts.slug, after), ...matching(filter)];
      const rows = await select().where(and(...where)).orderBy(asc(contracts.slug)).limit(limit + 1);
      return toPage(rows as Contract[], limit, (r) => r.slug, (r) => r);
    },

    /** How many contracts the filter matches, whatever page is shown. */
    async count(filter: Omit<ContractFilter, keyof PageRequest>): Promise<number> {
      let counted = db.select({ n: count() }).from(contracts).$dynamic();
      // Every contract has a system and every system a team, so the joins change no count: they
      // are only worth their cost, a lookup per matching contract, when a filter names an owner.
      if (filter.team || filter.system || filter.domain) counted = counted.innerJoin(systems, eq(systems.id, contracts.systemId)).innerJoin(teams, eq(teams.id, systems.teamId));
      const [row] = await counted.where(and(...matching(filter)));
      return row?.n ?? 0;
    },

    /**
     * How many contracts each value of each facet would match, with the other facets' filters
     * applied but not its own: choosing a domain still shows how many the other domains hold.
     */
    async facets(filter: Omit<ContractFilter, keyof PageRequest>): Promise<ContractFacets> {
      const { domain, team, kind, lifecycle, tag, ...scope } = filter;
      const chosen: Record<keyof ContractFacets, SQL | undefined> = {
        domain: domain ? sql`m.domain = ${domain}` : undefined,
        team: team ? sql`m.team = ${team}` : undefined,
        kind: kind ? sql`m.kind = ${kind}` : undefined,
        lifecycle: lifecycle ? sql`m.lifecycle = ${lifecycle}` : undefined,
        tag: tag ? sql`${tag} = any(m.tags)` : undefined,
      };
      const others = (facet: keyof ContractFacets) => and(sql`true`, ...Object.entries(chosen).filter(([f]) => f !== facet).map(([, condition]) => condition));
      // The text search is the costly part of a count: it runs once, over the contracts, and each
      // facet then counts within what it matched (Postgres materialises a CTE read five times).
      const query = sql`
        with m as (
          select ${systems.domain} as domain, ${teams.slug} as team, ${teams.name} as team_name, ${contracts.kind}::text as kind, ${contracts.lifecycle}::text as lifecycle, ${contracts.tags} as tags
          from ${contracts} inner join ${systems} on ${eq(systems.id, contracts.systemId)} inner join ${teams} on ${eq(teams.id, systems.teamId)}
          where ${and(sql`true`, ...matching(scope))}
        )
        select facet, value, label, count from (
          select 'domain' as facet, m.domain as value, m.domain as label, count(*)::int as count from m where m.domain is not null and ${others('domain')} group by m.domain
          union all select 'team', m.team, m.team_name, count(*)::int from m where ${others('team')} group by m.team, m.team_name
          union all select 'kind', m.kind, m.kind, count(*)::int from m where m.kind is not null and ${others('kind')} group by m.kind
          union all select 'lifecycle', m.lifecycle, m.lifecycle, count(*)::int from m where ${others('lifecycle')} group by m.lifecycle
          -- A contract counts once under each of its tags.
          union all select 'tag', facet_tag.value, facet_tag.value, count(*)::int from m cross join lateral unnest(m.tags) as facet_tag(value) where ${others('tag')} group by facet_tag.value
        ) counted
        order by facet, count desc, value`;
      const { rows } = (await db.execute(query)) as unknown as { rows: { facet: keyof ContractFacets; value: string; label: string; count: number }[] };
      const facets: ContractFacets = { domain: [], team: [], kind: [], lifecycle: [], tag: [] };
      for (const row of rows) facets[row.facet].push({ value: row.value, label: row.label, count: Number(row.count) });
      return facets;
    },

    /** Several contracts by slug in one read, for edges that batch; unknown slugs are left out. */
    async getMany(slugs: readonly string[]): Promise<Contract[]> {
      if (slugs.length === 0) return [];
      return (await select().where(inArray(contracts.slug, [...slugs]))) as Contract[];
    },
  };
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export type ContractFacets = Record<'domain' | 'team' | 'kind' | 'lifecycle' | 'tag', FacetCount[]>;

function matching(filter: Omit<ContractFilter, keyof PageRequest>): (SQL | undefined)[] {
  return [
        filter.team ? eq(teams.slug, filter.team) : undefined,
        filter.system ? eq(systems.slug, filter.system) : undefined,
        filter.domain ? eq(systems.domain, filter.domain) : undefined,
        filter.kind ? eq(contracts.kind, filter.kind) : undefined,
        filter.lifecycle ? eq(contracts.lifecycle, filter.lifecycle) : undefined,
        filter.tag ? arrayContains(contracts.tags, [filter.tag]) : undefined,
        filter.q ? loweredTextSearch(filter.q, contracts.searchText) : undefined,
  ];
}

export type Contracts = ReturnType<typeof createContracts>;
