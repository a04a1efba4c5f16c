import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/index.js';
import { teams } from '../registry/index.js';
import { ApiKeySuspended } from '../shared/index.js';
import { apiKeys, teamMemberships, users } from './auth.tables.js';

/** Why a key's custodian no longer answers for it. */
export type KeySuspension = 'custodian-removed' | 'custodian-left-team' | 'custodian-not-maintainer' | 'custodian-not-admin';

const custodian = alias(users, 'custodian');
const custodianMembership = alias(teamMemberships, 'custodian_membership');

/**
 * A key works only while its custodian could still create it: a maintainer of the key's team or
 * an administrator, and an administrator for an installation-wide key or one carrying `admin`.
 * Keys with no custodian are the installation's own (made by the bootstrap token) and answer to
 * whoever controls that token.
 */
const suspension = sql<KeySuspension | null>`case
  when ${apiKeys.custodianId} is null then null
  when ${custodian.id} is null then 'custodian-removed'
  when ${custodian.role} = 'admin' then null
  when ${apiKeys.teamId} is null or 'admin' = any(${apiKeys.scopes}) then 'custodian-not-admin'
  when ${custodianMembership.role} = 'maintainer' then null
  when ${custodianMembership.role} is null then 'custodian-left-team'
  else 'custodian-not-maintainer'
end`;

const columns = {
  id: apiKeys.id,
  name: apiKeys.name,
  teamId: apiKeys.teamId,
  team: teams.slug,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdBy: apiKeys.createdBy,
  createdAt: apiKeys.createdAt,
  expiresAt: apiKeys.expiresAt,
  revokedAt: apiKeys.revokedAt,
  lastUsedAt: apiKeys.lastUsedAt,
  custodianId: apiKeys.custodianId,
  custodianName: custodian.name,
  custodianEmail: custodian.email,
  suspension,
};

/**
 * API keys with their team and custody. Every place that asks whether a key works reads it
 * here, from the roles as they are now, so losing a role suspends the person's keys at once, on
 * every instance, and no job has to run for it.
 */
export function selectApiKeys(tx: Db) {
  return tx
    .select(columns)
    .from(apiKeys)
    .leftJoin(teams, eq(teams.id, apiKeys.teamId))
    .leftJoin(custodian, eq(custodian.id, apiKeys.custodianId))
    .leftJoin(custodianMembership, and(eq(custodianMembership.teamId, apiKeys.teamId), eq(custodianMembership.userId, apiKeys.custodianId)))
    .$dynamic();
}

export type ApiKeyRow = Awaited<ReturnType<ReturnType<typeof selectApiKeys>['execute']>>[number];

/** Why a suspended key does not work, in words a pipeline's log can show. */
export function describeSuspension(key: Pick<ApiKeyRow, 'suspension' | 'custodianId' | 'custodianName' | 'team'>): string {
  const who = key.custodianName ?? key.custodianId;
  switch (key.suspension) {
    case 'custodian-removed':
      return 'the account of its custodian no longer exists';
    case 'custodian-left-team':
      return `its custodian ${who} no longer belongs to team ${key.team}`;
    case 'custodian-not-maintainer':
      return `its custodian ${who} is no longer a maintainer of team ${key.team}`;
    case 'custodian-not-admin':
      return `its custodian ${who} is no longer an administrator`;
    case null:
      return 'it is not suspended';
  }
}

/** The refusal of a suspended key, saying what would make it work again. */
export function keySuspendedError(key: ApiKeyRow): ApiKeySuspended {
  const who = key.teamId === null || key.scopes.includes('admin') ? 'an administrator' : `a maintainer of team ${key.team} (or an administrator)`;
  return new ApiKeySuspended(`this API key is suspended: ${describeSuspension(key)}; ${who} can take it over with POST /api/v1/api-keys/${key.id}/adopt`);
}
