import { and, asc, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/index.js';
import type { Db } from '../db/index.js';
import { teams } from '../registry/index.js';
import { InvalidInput, NotFound, describeActor, type AccessPolicy, type Actor, type Clock } from '../shared/index.js';
import { teamMemberships, users } from './auth.tables.js';
import { trackKeyCustody } from './track-key-custody.js';

export type TeamRole = 'maintainer' | 'member';

export interface Membership {
  team: string;
  userId: string;
  email: string;
  name: string;
  role: TeamRole;
  createdAt: Date;
}

/**
 * Who belongs to a team, and as what. Maintainers of the team (and administrators) manage it. A
 * person who stops being a maintainer stops answering for API keys: see `trackKeyCustody`.
 */
export function createMemberships({ db, clock, access }: { db: Db; clock: Clock; access: AccessPolicy }) {
  const teamIdOf = async (tx: Db, slug: string) => {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).for('share');
    if (!team) throw new NotFound(`team "${slug}"`);
    return team.id;
  };
  const select = (tx: Db) =>
    tx
      .select({ team: teams.slug, userId: users.id, email: users.email, name: users.name, role: teamMemberships.role, createdAt: teamMemberships.createdAt })
      .from(teamMemberships)
      .innerJoin(users, eq(users.id, teamMemberships.userId))
      .innerJoin(teams, eq(teams.id, teamMemberships.teamId));

  return {
    /** For the team's own people and administrators: the list names people and their emails. */
    async list(team: string, actor: Actor): Promise<Membership[]> {
      const teamId = await teamIdOf(db, team);
      await access.assert(db, actor, 'team.read', teamId);
      return select(db).where(eq(teamMemberships.teamId, teamId)).orderBy(asc(users.email));
    },

    /** Adds a person to the team, or changes their role there. */
    async put(team: string, input: { email: string; role: TeamRole }, actor: Actor): Promise<{ created: boolean; membership: Membership }> {
      return db.transaction(async (tx) => {
        const teamId = await teamIdOf(tx, team);
        await access.assert(tx, actor, 'team.manage', teamId);
        const email = input.email.trim().toLowerCase();
        const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
        if (!person) throw new InvalidInput(`nobody with email ${email} has an account; an administrator adds people first`, [{ pointer: '/email', message: 'unknown person' }], 'unknown-reference');
        const [before] = await tx.select({ role: teamMemberships.role }).from(teamMemberships).where(and(eq(teamMemberships.teamId, teamId), eq(teamMemberships.userId, person.id))).for('update');
        const now = clock.now();
        await trackKeyCustody(tx, { userId: person.id, actor, at: now }, async () => {
          await tx
            .insert(teamMemberships)
            .values({ teamId, userId: person.id, role: input.role, createdAt: now, createdBy: describeActor(actor) })
            .onConflictDoUpdate({ target: [teamMemberships.teamId, teamMemberships.userId], set: { role: input.role } });
          await recordAuditEvent(tx, { actor, action: before ? 'membership.changed' : 'membership.added', targetType: 'team', targetId: team, summary: { user: person.id, email, role: input.role, ...(before && { from: before.role }) }, at: now });
        });
        const [membership] = await select(tx).where(and(eq(teamMemberships.teamId, teamId), eq(teamMemberships.userId, person.id)));
        return { created: !before, membership: membership! };
      });
    },

    async remove(team: string, userId: string, actor: Actor): Promise<Membership> {
      return db.transaction(async (tx) => {
        const teamId = await teamIdOf(tx, team);
        await access.assert(tx, actor, 'team.manage', teamId);
        const [membership] = await select(tx).where(and(eq(teamMemberships.teamId, teamId), eq(teamMemberships.userId, userId)));
        if (!membership) throw new NotFound(`membership of "${userId}" in team "${team}"`);
        const now = clock.now();
        await trackKeyCustody(tx, { userId, actor, at: now }, async () => {
          await tx.delete(teamMemberships).where(and(eq(teamMemberships.teamId, teamId), eq(teamMemberships.userId, userId)));
          await recordAuditEvent(tx, { actor, action: 'membership.removed', targetType: 'team', targetId: team, summary: { user: userId, email: membership.email, role: membership.role }, at: now });
        });
        return membership;
      });
    },
  };
}

export type Memberships = ReturnType<typeof createMemberships>;
