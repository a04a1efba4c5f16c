import { asc, count, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { recordAuditEvent } from '../audit/index.js';
import type { Db } from '../db/index.js';
import { teams } from '../registry/index.js';
import { NotFound, Unauthenticated, readPageRequest, toPage, type AccessPolicy, type Actor, type Clock, type Page, type PageRequest } from '../shared/index.js';
import { apiKeys, teamMemberships, users } from './auth.tables.js';
import type { Auth } from './create-auth.js';
import { createPerson, type Person, type PersonInput } from './create-person.js';
import { trackKeyCustody } from './track-key-custody.js';
import type { TeamRole } from './memberships.js';

export interface Me {
  kind: 'user' | 'api-key' | 'anonymous' | 'system';
  user?: Person & { memberships: { team: string; role: TeamRole }[] };
  apiKey?: { id: string; name: string; team: string | null; scopes: string[]; expiresAt: Date | null };
}

const personColumns = { id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt };

/** People: administrators add them and set their role; everyone can ask who they are. */
export function createPeople({ db, auth, clock, access }: { db: Db; auth: Auth; clock: Clock; access: AccessPolicy }) {
  return {
    async create(input: PersonInput, actor: Actor): Promise<Person> {
      await access.assert(db, actor, 'admin', null);
      return createPerson({ db, auth, clock }, input, actor, (tx) => access.assert(tx, actor, 'admin', null));
    },

    async list(page: PageRequest, actor: Actor): Promise<Page<Person>> {
      await access.assert(db, actor, 'admin', null);
      const { limit, after } = readPageRequest(page, z.string().min(1).max(320));
      const rows = await db.select(personColumns).from(users).where(after === undefined ? undefined : gt(users.email, after)).orderBy(asc(users.email)).limit(limit + 1);
      return toPage(rows, limit, (r) => r.email, (r) => r);
    },

    async count(actor: Actor): Promise<number> {
      await access.assert(db, actor, 'admin', null);
      const [row] = await db.select({ n: count() }).from(users);
      return row!.n;
    },

    async setRole(id: string, role: 'admin' | 'user', actor: Actor): Promise<Person> {
      return db.transaction(async (tx) => {
        await access.assert(tx, actor, 'admin', null);
        const [before] = await tx.select(personColumns).from(users).where(eq(users.id, id)).for('update');
        if (!before) throw new NotFound(`person "${id}"`);
        const now = clock.now();
        return trackKeyCustody(tx, { userId: id, actor, at: now }, async () => {
          const [row] = await tx.update(users).set({ role, updatedAt: now }).where(eq(users.id, id)).returning(personColumns);
          await recordAuditEvent(tx, { actor, action: 'user.role-changed', targetType: 'user', targetId: id, summary: { from: before.role, to: role }, at: now });
          return row!;
        });
      });
    },

    async me(actor: Actor): Promise<Me> {
      if (actor.kind === 'user') {
        const [person] = await db.select(personColumns).from(users).where(eq(users.id, actor.userId));
        if (!person) throw new Unauthenticated('your account no longer exists; sign in again');
        const memberships = await db
          .select({ team: teams.slug, role: teamMemberships.role })
          .from(teamMemberships)
          .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
          .where(eq(teamMemberships.userId, actor.userId))
          .orderBy(asc(teams.slug));
        return { kind: 'user', user: { ...person, memberships } };
      }
      if (actor.kind === 'api-key') {
        const [key] = await db
          .select({ id: apiKeys.id, name: apiKeys.name, team: teams.slug, scopes: apiKeys.scopes, expiresAt: apiKeys.expiresAt })
          .from(apiKeys)
          .leftJoin(teams, eq(teams.id, apiKeys.teamId))
          .where(eq(apiKeys.id, actor.keyId));
        if (!key) throw new Unauthenticated('this API key is not valid (unknown or revoked); a team maintainer creates a new one with accord key create');
        return { kind: 'api-key', apiKey: key };
      }
      return { kind: actor.kind };
    },
  };
}

export type People = ReturnType<typeof createPeople>;
