import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/index.js';
import type { Db } from '../db/index.js';
import { teams } from '../registry/index.js';
import { Conflict, InvalidInput, NotFound, describeActor, newId, type AccessPolicy, type Actor, type Clock, type Scope } from '../shared/index.js';
import { generateApiKey, hashApiKey, keyPrefix } from './api-key-secret.js';
import { apiKeys } from './auth.tables.js';
import { describeSuspension, selectApiKeys, type ApiKeyRow, type KeySuspension } from './select-api-keys.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ApiKeyInput {
  name: string;
  /** The team the key acts for; omitted only for installation-wide keys, which administrators create. */
  team?: string;
  scopes: Scope[];
  /** Defaults to 90 days from now; at most `maxDays`. */
  expiresAt?: Date;
}

export interface ApiKey {
  id: string;
  name: string;
  team: string | null;
  prefix: string;
  scopes: string[];
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** The person answerable for the key; null when the installation itself holds it (bootstrap). A removed account keeps its id, with no name or email. */
  custodian: { id: string; name: string | null; email: string | null } | null;
  /** Set while the custodian no longer holds the role the key needs; a suspended key authenticates nothing. */
  suspension: { reason: KeySuspension; message: string } | null;
}

const toApiKey = ({ teamId: _teamId, custodianId, custodianName, custodianEmail, suspension, ...key }: ApiKeyRow): ApiKey => ({
  ...key,
  custodian: custodianId === null ? null : { id: custodianId, name: custodianName, email: custodianEmail },
  suspension: suspension === null ? null : { reason: suspension, message: describeSuspension({ suspension, custodianId, custodianName, team: key.team }) },
});

/**
 * The person who answers for a key an actor makes or takes over: a person themselves; a key's
 * own custodian for a key (so an administrator's key cannot launder a key out of custody); nobody
 * for the installation's own processes.
 */
async function custodianOf(tx: Db, actor: Actor): Promise<string | null> {
  switch (actor.kind) {
    case 'user':
      return actor.userId;
    case 'api-key': {
      const [key] = await tx.select({ custodianId: apiKeys.custodianId }).from(apiKeys).where(eq(apiKeys.id, actor.keyId));
      return key?.custodianId ?? null;
    }
    case 'system':
    case 'anonymous':
      return null;
  }
}

/**
 * API keys for pipelines and traffic testers. The key itself is returned once, at creation; only
 * its hash is kept. A key acts for one team with the scopes it was given, never more than the
 * person creating it may grant, and only while a person who may manage it answers for it: its
 * custodian, at first its creator, later whoever takes it over.
 */
export function createApiKeys({ db, clock, access, maxDays = 365 }: { db: Db; clock: Clock; access: AccessPolicy; maxDays?: number }) {
  const select = (tx: Db) => selectApiKeys(tx);
  const byId = async (tx: Db, id: string) => toApiKey((await select(tx).where(eq(apiKeys.id, id)))[0]!);
  // Installation-wide keys, and keys carrying `admin`, are as strong as an administrator.
  const managing = (key: { teamId: string | null; scopes: readonly string[] }) => (key.teamId === null || key.scopes.includes('admin') ? 'admin' : 'team.manage');
  const assertKeyId = (id: string) => {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFound(`API key "${id}"`);
  };
  // Named in a body (`pointer`), an unknown team is invalid input; named in the path, it is not found.
  const teamIdOf = async (tx: Db, slug: string, pointer?: string) => {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).for('share');
    if (team) return team.id;
    if (pointer === undefined) throw new NotFound(`team "${slug}"`);
    throw new InvalidInput(`team "${slug}" does not exist`, [{ pointer, message: 'unknown team' }], 'unknown-reference');
  };

  return {
    async create(input: ApiKeyInput, actor: Actor): Promise<{ key: string; apiKey: ApiKey }> {
      const now = clock.now();
      const expiresAt = input.expiresAt ?? new Date(now.getTime() + 90 * DAY_MS);
      if (expiresAt <= now) throw new InvalidInput('an API key must expire in the future', [{ pointer: '/expiresAt', message: 'in the past' }], 'invalid-expiry');
      if (expiresAt.getTime() > now.getTime() + maxDays * DAY_MS) throw new InvalidInput(`an API key may last at most ${maxDays} days`, [{ pointer: '/expiresAt', message: `later than ${maxDays} days from now` }], 'invalid-expiry');
      const scopes = [...new Set(input.scopes)];
      const key = generateApiKey();
      return db.transaction(async (tx) => {
        const teamId = input.team === undefined ? null : await teamIdOf(tx, input.team, '/team');
        const action = managing({ teamId, scopes });
        await access.assert(tx, actor, action, action === 'admin' ? null : teamId);
        const id = newId(now.getTime());
        const custodianId = await custodianOf(tx, actor);
        await tx.insert(apiKeys).values({ id, name: input.name, teamId, prefix: keyPrefix(key), hash: hashApiKey(key), scopes, createdBy: describeActor(actor), custodianId, createdAt: now, expiresAt });
        await recordAuditEvent(tx, { actor, action: 'api-key.created', targetType: 'api-key', targetId: id, summary: { name: input.name, team: input.team ?? null, scopes, expiresAt: expiresAt.toISOString(), custodian: custodianId }, at: now });
        return { key, apiKey: await byId(tx, id) };
      });
    },

    /** A team's keys (never the keys themselves) with their custody, newest first; revoked ones only when asked. */
    async list(team: string, { includeRevoked = false } = {}, actor: Actor): Promise<ApiKey[]> {
      const teamId = await teamIdOf(db, team);
      await access.assert(db, actor, 'team.manage', teamId);
      const rows = await select(db)
        .where(and(eq(apiKeys.teamId, teamId), includeRevoked ? undefined : isNull(apiKeys.revokedAt)))
        .orderBy(desc(apiKeys.createdAt), asc(apiKeys.id));
      return rows.map(toApiKey);
    },

    async revoke(id: string, actor: Actor): Promise<ApiKey> {
      assertKeyId(id);
      return db.transaction(async (tx) => {
        const [current] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).for('update');
        if (!current) throw new NotFound(`API key "${id}"`);
        await access.assert(tx, actor, managing(current), current.teamId);
        if (current.revokedAt !== null) throw new Conflict('invalid-transition', `API key "${current.name}" is already revoked`);
        const now = clock.now();
        await tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, id));
        await recordAuditEvent(tx, { actor, action: 'api-key.revoked', targetType: 'api-key', targetId: id, summary: { name: current.name }, at: now });
        return byId(tx, id);
      });
    },

    /**
     * Makes the caller the key's custodian, so that a pipeline's key outlives the person who made
     * it: a suspended key works again once someone who may manage it answers for it. Taking over a
     * key one already holds changes nothing.
     */
    async adopt(id: string, actor: Actor): Promise<ApiKey> {
      assertKeyId(id);
      return db.transaction(async (tx) => {
        const [current] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).for('update');
        if (!current) throw new NotFound(`API key "${id}"`);
        await access.assert(tx, actor, managing(current), current.teamId);
        const now = clock.now();
        if (current.revokedAt !== null) throw new Conflict('invalid-transition', `API key "${current.name}" is revoked; create a new one instead`);
        if (current.expiresAt !== null && current.expiresAt <= now) throw new Conflict('invalid-transition', `API key "${current.name}" has expired; create a new one instead`);
        const before = await byId(tx, id);
        const custodianId = await custodianOf(tx, actor);
        if (current.custodianId === custodianId) return before;
        await tx.update(apiKeys).set({ custodianId }).where(eq(apiKeys.id, id));
        await recordAuditEvent(tx, {
          actor,
          action: 'api-key.adopted',
          targetType: 'api-key',
          targetId: id,
          summary: { name: current.name, team: before.team, from: current.custodianId, to: custodianId, ...(before.suspension && { wasSuspended: before.suspension.reason }) },
          at: now,
        });
        return byId(tx, id);
      });
    },
  };
}

export type ApiKeys = ReturnType<typeof createApiKeys>;
