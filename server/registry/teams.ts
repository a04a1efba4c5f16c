import { and, asc, count, eq, gt, inArray, type SQL } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/index.js';
import { Conflict, NotFound, newId, type Actor } from '../shared/index.js';
import { readPageRequest, slugCursor, toPage } from './page.js';
import type { Page, PageRequest, RegistryDeps, Team } from './registry-types.js';
import { assertSlug } from './slug.js';
import { textSearch } from './text-search.js';
import { teams } from './registry.tables.js';

type TeamRow = typeof teams.$inferSelect;

export interface TeamInput {
  slug: string;
  name: string;
  description?: string;
}

const toTeam = (r: TeamRow): Team => ({ slug: r.slug, name: r.name, description: r.description, createdAt: r.createdAt, updatedAt: r.updatedAt });

export function createTeams({ db, clock, access }: RegistryDeps) {
  return {
    async create(input: TeamInput, actor: Actor): Promise<Team> {
      assertSlug(input.slug, '/slug');
      return db.transaction(async (tx) => {
        await access.assert(tx, actor, 'admin', null);
        const now = clock.now();
        const [row] = await tx
          .insert(teams)
          .values({ id: newId(), slug: input.slug, name: input.name, description: input.description ?? '', createdAt: now, updatedAt: now })
          .onConflictDoNothing()
          .returning();
        if (!row) throw new Conflict('already-exists', `team "${input.slug}" already exists`, [{ pointer: '/slug', message: 'taken' }]);
        await recordAuditEvent(tx, { actor, action: 'team.created', targetType: 'team', targetId: row.slug, summary: { name: row.name }, at: now });
        return toTeam(row);
      });
    },

    async get(slug: string): Promise<Team> {
      const [row] = await db.select().from(teams).where(eq(teams.slug, slug));
      if (!row) throw new NotFound(`team "${slug}"`);
      return toTeam(row);
    },

    async update(slug: string, patch: Partial<Omit<TeamInput, 'slug'>>, actor: Actor): Promise<Team> {
      return db.transaction(async (tx) => {
        const [current] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).for('update');
        if (!current) throw new NotFound(`team "${slug}"`);
        await access.assert(tx, actor, 'team.manage', current.id);
        const now = clock.now();
        const [row] = await tx.update(teams).set({ ...patch, updatedAt: now }).where(eq(teams.slug, slug)).returning();
        if (!row) throw new NotFound(`team "${slug}"`);
        await recordAuditEvent(tx, { actor, action: 'team.updated', targetType: 'team', targetId: slug, summary: patch, at: now });
        return toTeam(row);
      });
    },

    async list(filter: { q?: string } & PageRequest): Promise<Page<Team>> {
      const { limit, after } = readPageRequest(filter, slugCursor);
      const where: (SQL | undefined)[] = [after === undefined ? undefined : gt(teams.slug, after), matching(filter.q)];
      const rows = await db.select().from(teams).where(and(...where)).orderBy(asc(teams.slug)).limit(limit + 1);
      return toPage(rows, limit, (r) => r.slug, toTeam);
    },

    /** How many teams the search matches, whatever page is shown. */
    async count(filter: { q?: string }): Promise<number> {
      const [row] = await db.select({ n: count() }).from(teams).where(matching(filter.q));
      return row?.n ?? 0;
    },

    /** Several teams by slug in one read, for edges that batch; unknown slugs are left out. */
    async getMany(slugs: readonly string[]): Promise<Team[]> {
      if (slugs.length === 0) return [];
      return (await db.select().from(teams).where(inArray(teams.slug, [...slugs]))).map(toTeam);
    },
  };
}

const matching = (q: string | undefined) => (q ? textSearch(q, [teams.slug, teams.name, teams.description]) : undefined);

export type Teams = ReturnType<typeof createTeams>;
