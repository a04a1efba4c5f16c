import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/index.js';
import { tables, type Db } from '../db/index.js';
import { Conflict, InvalidInput, NotFound, describeActor, newId, type AccessPolicy, type Actor, type Clock, type Scope } from '../shared/index.js';
import { generateApiKey, hashApiKey, keyPrefix } from './api-key-secret.js';
import { apiKeys } from './auth.tables.js';

const { teams } = tables;

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
}

/**
 * API keys for pipelines and traffic testers. The key itself is returned once, at creation; only
 * its hash is kept. A key acts for one team with the scopes it was given, never more than the
 * person creating it may grant.
 */
export function createApiKeys({ db, clock, access, maxDays = 365 }: { db: Db; clock: Clock; access: AccessPolicy; maxDays?: number }) {
  const columns = {
    id: apiKeys.id,
    name: apiKeys.name,
    team: teams.slug,
    prefix: apiKeys.prefix,
    scopes: apiKeys.scopes,
    createdBy: apiKeys.createdBy,
    createdAt: apiKeys.createdAt,
    expiresAt: apiKeys.expiresAt,
    revokedAt: apiKeys.revokedAt,
    lastUsedAt: apiKeys.lastUsedAt,
  };
  const select = (tx: Db) => tx.select(columns).from(apiKeys).leftJoin(teams, eq(teams.id, apiKeys.teamId));
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
        // An installation-wide key, or one carrying `admin`, is as strong as an administrator.
        if (teamId === null || scopes.includes('admin')) await access.assert(tx, actor, 'admin', null);
        else await access.assert(tx, actor, 'team.manage', teamId);
        const id = newId(now.getTime());
        await tx.insert(apiKeys).values({ id, name: input.name, teamId, prefix: keyPrefix(key), hash: hashApiKey(key), scopes, createdBy: describeActor(actor), createdAt: now, expiresAt });
        await recordAuditEvent(tx, { actor, action: 'api-key.created', targetType: 'api-key', targetId: id, summary: { name: input.name, team: input.team ?? null, scopes, expiresAt: expiresAt.toISOString() }, at: now });
        const [apiKey] = await select(tx).where(eq(apiKeys.id, id));
        return { key, apiKey: apiKey! };
      });
    },

    /** A team's keys (never the keys themselves), newest first; revoked ones only when asked. */
    async list(team: string, { includeRevoked = false } = {}, actor: Actor): Promise<ApiKey[]> {
      const teamId = await teamIdOf(db, team);
      await access.assert(db, actor, 'team.manage', teamId);
      return select(db)
        .where(and(eq(apiKeys.teamId, teamId), includeRevoked ? undefined : isNull(apiKeys.revokedAt)))
        .orderBy(desc(apiKeys.createdAt), asc(apiKeys.id));
    },

    async revoke(id: string, actor: Actor): Promise<ApiKey> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFound(`API key "${id}"`);
      return db.transaction(async (tx) => {
        const [current] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).for('update');
        if (!current) throw new NotFound(`API key "${id}"`);
        await access.assert(tx, actor, current.teamId === null || current.scopes.includes('admin') ? 'admin' : 'team.manage', current.teamId);
        if (current.revokedAt !== null) throw new Conflict('invalid-transition', `API key "${current.name}" is already revoked`);
        const now = clock.now();
        await tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, id));
        await recordAuditEvent(tx, { actor, action: 'api-key.revoked', targetType: 'api-key', targetId: id, summary: { name: current.name }, at: now });
        const [apiKey] = await select(tx).where(eq(apiKeys.id, id));
        return apiKey!;
      });
    },
  };
}

export type ApiKeys = ReturnType<typeof createApiKeys>;
