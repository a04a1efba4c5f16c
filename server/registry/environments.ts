import { asc, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/index.js';
import { Conflict, NotFound, newId, type Actor } from '../shared/index.js';
import type { Environment, Page, RegistryDeps } from './registry-types.js';
import { assertSlug } from './slug.js';
import { environments } from './registry.tables.js';

type Row = typeof environments.$inferSelect;

export interface EnvironmentInput {
  slug: string;
  name: string;
  /** Promotion order: dev (1) before staging (2) before prod (3). */
  rank?: number;
  description?: string;
}

const toEnvironment = (r: Row): Environment => ({ slug: r.slug, name: r.name, rank: r.rank, description: r.description });

export function createEnvironments({ db, clock, access }: RegistryDeps) {
  return {
    async create(input: EnvironmentInput, actor: Actor): Promise<Environment> {
      assertSlug(input.slug, '/slug');
      return db.transaction(async (tx) => {
        await access.assert(tx, actor, 'admin', null);
        const now = clock.now();
        const [row] = await tx
          .insert(environments)
          .values({ id: newId(), slug: input.slug, name: input.name, rank: input.rank ?? 0, description: input.description ?? '', createdAt: now, updatedAt: now })
          .onConflictDoNothing()
          .returning();
        if (!row) throw new Conflict('already-exists', `environment "${input.slug}" already exists`, [{ pointer: '/slug', message: 'taken' }]);
        await recordAuditEvent(tx, { actor, action: 'environment.created', targetType: 'environment', targetId: row.slug, summary: { name: row.name }, at: now });
        return toEnvironment(row);
      });
    },

    async get(slug: string): Promise<Environment> {
      const [row] = await db.select().from(environments).where(eq(environments.slug, slug));
      if (!row) throw new NotFound(`environment "${slug}"`);
      return toEnvironment(row);
    },

    async update(slug: string, patch: Partial<Omit<EnvironmentInput, 'slug'>>, actor: Actor): Promise<Environment> {
      return db.transaction(async (tx) => {
        await access.assert(tx, actor, 'admin', null);
        const now = clock.now();
        const [row] = await tx.update(environments).set({ ...patch, updatedAt: now }).where(eq(environments.slug, slug)).returning();
        if (!row) throw new NotFound(`environment "${slug}"`);
        await recordAuditEvent(tx, { actor, action: 'environment.updated', targetType: 'environment', targetId: slug, summary: patch, at: now });
        return toEnvironment(row);
      });
    },

    /** Every environment in promotion order; there are few, so this list is one page. */
    async list(_query: object = {}): Promise<Page<Environment>> {
      const rows = await db.select().from(environments).orderBy(asc(environments.rank), asc(environments.slug));
      return { items: rows.map(toEnvironment), nextCursor: null };
    },
  };
}

export type Environments = ReturnType<typeof createEnvironments>;
