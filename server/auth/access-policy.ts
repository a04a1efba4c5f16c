import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { teams } from '../registry/index.js';
import { Forbidden, Unauthenticated, withArticle, type AccessPolicy, type Action, type Actor, type Scope } from '../shared/index.js';
import { apiKeys, teamMemberships, users } from './auth.tables.js';
import type { TeamRole } from './memberships.js';
import { keySuspendedError, selectApiKeys } from './select-api-keys.js';


/** The least team role that may perform an action on the team's things; `null`: administrators only. */
const ROLE_FOR: Record<Action, TeamRole | null> = {
  admin: null,
  'team.read': 'member',
  'team.manage': 'maintainer',
  'contract.manage': 'maintainer',
  'contract.publish': 'maintainer',
  'deployment.record': 'maintainer',
  'check.run': 'member',
  'subscription.request': 'member',
  'subscription.decide': 'maintainer',
  'waiver.request': 'member',
  'waiver.decide': 'maintainer',
  'traffic.write': 'member',
  'webhook.manage': 'maintainer',
};

/**
 * The scope an API key needs for an action. Every action a team role allows on the team's
 * contracts, subscriptions, waivers and webhooks has a scope; the team itself (its people, keys
 * and systems) is managed by people, so those actions need an `admin` key.
 */
export const SCOPE_FOR: Record<Action, Scope> = {
  admin: 'admin',
  'team.read': 'admin',
  'team.manage': 'admin',
  'contract.manage': 'contracts:publish',
  'contract.publish': 'contracts:publish',
  'deployment.record': 'contracts:publish',
  'check.run': 'checks:run',
  'subscription.request': 'subscriptions:write',
  'subscription.decide': 'subscriptions:write',
  'waiver.request': 'waivers:write',
  'waiver.decide': 'waivers:write',
  'traffic.write': 'traffic:write',
  'webhook.manage': 'webhooks:write',
};

const RANK: Record<TeamRole, number> = { member: 1, maintainer: 2 };

/** Whether a key's scopes allow an action at all, before any team is considered. */
export const keyMay = (scopes: readonly Scope[], action: Action) => scopes.includes('admin') || scopes.includes(SCOPE_FOR[action]);

/**
 * Deny by default: admins may do everything, people what their role in the owning team allows,
 * keys what their scopes allow for their own team while their custodian answers for them. Roles and ownership are read through the
 * write's own transaction, so a membership removed or a contract moved concurrently cannot let a
 * write through.
 */
export function createAccessPolicy(): AccessPolicy {
  async function refusal(tx: Db, actor: Actor, action: Action, teamId: string | null): Promise<Error | undefined> {
    switch (actor.kind) {
      case 'system':
        return undefined;
      case 'anonymous':
        return new Unauthenticated();
      case 'api-key': {
        // Again here, not only at authentication: a custodian removed while the request ran stops the write.
        const [key] = await selectApiKeys(tx).where(eq(apiKeys.id, actor.keyId));
        if (!key || key.revokedAt !== null) return new Unauthenticated('this API key is not valid (unknown or revoked); a team maintainer creates a new one with accord key create');
        if (key.suspension !== null) return keySuspendedError(key);
        if (actor.scopes.includes('admin')) return undefined;
        if (!keyMay(actor.scopes, action)) return new Forbidden(`this API key lacks the scope ${SCOPE_FOR[action]} needed to ${describe(action)}; use a key that has it (accord key create --scope ${SCOPE_FOR[action]})`);
        if (teamId === null || actor.teamId !== teamId) return new Forbidden(`this API key acts for another team and may not ${describe(action)} here; use a key of the team that owns it`);
        return undefined;
      }
      case 'user': {
        const [row] = await tx
          .select({ admin: users.role, role: teamMemberships.role })
          .from(users)
          .leftJoin(teamMemberships, and(eq(teamMemberships.userId, users.id), teamId === null ? undefined : eq(teamMemberships.teamId, teamId)))
          .where(eq(users.id, actor.userId))
          .limit(1);
        if (!row) return new Unauthenticated('your account no longer exists; sign in again');
        if (row.admin === 'admin') return undefined;
        const needed = ROLE_FOR[action];
        if (needed === null || teamId === null) return new Forbidden(`only an administrator may ${describe(action)}`);
        if (row.role && RANK[row.role] >= RANK[needed]) return undefined;
        const [team] = await tx.select({ slug: teams.slug }).from(teams).where(eq(teams.id, teamId)).limit(1);
        return new Forbidden(`you must be ${withArticle(needed)} of team ${team?.slug ?? teamId} (or an administrator) to ${describe(action)}`);
      }
    }
  }
  return {
    permits: async (tx, actor, action, teamId) => (await refusal(tx as Db, actor, action, teamId)) === undefined,
    async assert(tx, actor, action, teamId) {
      const error = await refusal(tx as Db, actor, action, teamId);
      if (error) throw error;
    },
  };
}

const WHAT: Record<Action, string> = {
  admin: 'change installation-wide settings',
  'team.read': "see who belongs to this team",
  'team.manage': "manage this team, its systems, members and keys",
  'contract.manage': 'change this contract',
  'contract.publish': 'publish versions of this contract',
  'deployment.record': 'record deployments of this contract',
  'check.run': 'run checks on this contract',
  'subscription.request': 'request subscriptions for this system',
  'subscription.decide': 'decide subscriptions to this contract',
  'waiver.request': 'request waivers for this contract',
  'waiver.decide': 'approve or revoke waivers for this contract',
  'traffic.write': 'report traffic for this contract',
  'webhook.manage': "manage this system's webhooks",
};
const describe = (action: Action) => WHAT[action];
