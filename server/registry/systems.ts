import { and, asc, count, eq, gt, inArray, type SQL } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/index.js';
import { ownerOfSystem } from './owner-of.js';
import type { Db } from '../db/index.js';
import { Conflict, InvalidInput, NotFound, newId, type Actor } from '../shared/index.js';
import { readPageRequest, slugCursor, toPage } from './page.js';
import type { Page, PageRequest, RegistryDeps, System } from './registry-types.js';
import { assertSlug } from './slug.js';
import { textSearch } from './text-search.js';
import { contracts, subscriptions, systems, teams } from './registry.tables.js';

export interface SystemInput {
  slug: string;
  name: string;
  team: string;
  domain: string;
  description?: string;
}

export interface SystemFilter extends PageRequest {
  team?: string;
  domain?: string;
  q?: string;
}

const columns = {
  slug: systems.slug,
  name: systems.name,
  team: teams.slug,
  domain: systems.domain,
  description: systems.description,
  createdAt: systems.createdAt,
  updatedAt: systems.updatedAt,
};

async function teamIdOf(db: Db, slug: string, pointer: string): Promise<string> {
  const [row] = await db.select({ id: teams.id }).from(teams).where(eq(teams.slug, slug));
  if (!row) throw new InvalidInput(`team "${slug}" does not exist`, [{ pointer, message: 'unknown team' }], 'unknown-reference');
  return row.id;
}

export function createSystems({ db, clock, access }: RegistryDeps) {
  const select = (tx: Db = db) => tx.select(columns).from(systems).innerJoin(teams, eq(teams.id, systems.teamId));

  return {
    async create(input: SystemInput, actor: Actor): Promise<System> {
      assertSlug(input.slug, '/slug');
      return db.transaction(async (tx) => {
        const teamId = await teamIdOf(tx, input.team, '/team');
        await access.assert(tx, actor, 'team.manage', teamId);
        const now = clock.now();
        const [row] = await tx
          .insert(systems)
          .values({ id: newId(), slug: input.slug, name: input.name, teamId, domain: input.domain, description: input.description ?? '', createdAt: now, updatedAt: now })
          .onConflictDoNothing()
          .returning({ id: systems.id });
        if (!row) throw new Conflict('already-exists', `system "${input.slug}" already exists`, [{ pointer: '/slug', message: 'taken' }]);
        await recordAuditEvent(tx, { actor, action: 'system.created', targetType: 'system', targetId: input.slug, summary: { team: input.team, domain: input.domain }, at: now });
        const [system] = await select(tx).where(eq(systems.id, row.id));
        return system!;
      });
    },

    async get(slug: string): Promise<System> {
      const [row] = await select().where(eq(systems.slug, slug));
      if (!row) throw new NotFound(`system "${slug}"`);
      return row;
    },

    async update(slug: string, patch: Partial<Omit<SystemInput, 'slug'>>, actor: Actor): Promise<System> {
      return db.transaction(async (tx) => {
        const owner = await ownerOfSystem(tx, slug, undefined, 'update');
        await access.assert(tx, actor, 'team.manage', owner.teamId);
        const now = clock.now();
        const { team, ...rest } = patch;
        const teamId = team === undefined ? undefined : await teamIdOf(tx, team, '/team');
        // Handing a system to another team needs the right to manage that team too.
        if (teamId !== undefined && teamId !== owner.teamId) await access.assert(tx, actor, 'team.manage', teamId);
        const [row] = await tx
          .update(systems)
          .set({ ...rest, ...(teamId ? { teamId } : {}), updatedAt: now })
          .where(eq(systems.slug, slug))
          .returning({ id: systems.id });
        if (!row) throw new NotFound(`system "${slug}"`);
        await recordAuditEvent(tx, { actor, action: 'system.updated', targetType: 'system', targetId: slug, summary: patch, at: now });
        const [system] = await select(tx).where(eq(systems.id, row.id));
        return system!;
      });
    },

    async list(filter: SystemFilter): Promise<Page<System>> {
      const { limit, after } = readPageRequest(filter, slugCursor);
      const where: (SQL | undefined)[] = [after === undefined ? undefined : gt(systems.slug, after), ...matching(filter)];
      const rows = await select().where(and(...where)).orderBy(asc(systems.slug)).limit(limit + 1);
      return toPage(rows, limit, (r) => r.slug, (r) => r);
    },

    /** How many systems the filter matches, whatever page is shown. */
    async count(filter: Omit<SystemFilter, keyof PageRequest>): Promise<number> {
      const [row] = await db.select({ n: count() }).from(systems).innerJoin(teams, eq(teams.id, systems.teamId)).where(and(...matching(filter)));
      return row?.n ?? 0;
    },

    /** Several systems by slug in one read, for edges that batch; unknown slugs are left out. */
    async getMany(slugs: readonly string[]): Promise<System[]> {
      if (slugs.length === 0) return [];
      return select().where(inArray(systems.slug, [...slugs]));
    },

    /**
     * The systems holding an approved subscription to each of several contracts, each once, in the
     * order they first subscribed: one read for a page of search results, where subscriptions and
     * then their systems took two.
     */
    async approvedConsumersOf(contractSlugs: readonly string[]): Promise<{ contract: string; system: System }[]> {
      if (contractSlugs.length === 0) return [];
      const rows = await db
        .select({ contract: contracts.slug, ...columns })
        .from(subscriptions)
        .innerJoin(contracts, eq(contracts.id, subscriptions.contractId))
        .innerJoin(systems, eq(systems.id, subscriptions.consumerSystemId))
        .innerJoin(teams, eq(teams.id, systems.teamId))
        .where(and(inArray(contracts.slug, [...contractSlugs]), eq(subscriptions.status, 'approved')))
        .orderBy(asc(subscriptions.id));
      const seen = new Set<string>();
      return rows.flatMap(({ contract, ...system }) => {
        const key = `${contract} ${system.slug}`;
        if (seen.has(key)) return [];
        seen.add(key);
        return [{ contract, system }];
      });
    },
  };
}

function matching(filter: Omit<SystemFilter, keyof PageRequest>): (SQL | undefined)[] {
  return [
    filter.team ? eq(teams.slug, filter.team) : undefined,
    filter.domain ? eq(systems.domain, filter.domain) : undefined,
    filter.q ? textSearch(filter.q, [systems.slug, systems.name, systems.description, systems.domain]) : undefined,
  ];
}

export type Systems = ReturnType<typeof createSystems>;
