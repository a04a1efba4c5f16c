import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import semver from 'semver';
import { recordAuditEvent } from '../audit/index.js';
import type { Db } from '../db/index.js';
import { Conflict, InvalidInput, NotFound, describeActor, newId, operationMatchKey, plural, type Actor, type Issue } from '../shared/index.js';
import type { Operation } from '../spec/index.js';
import { assertSunset } from './assert-sunset.js';
import { concernedSubscriptions } from './concerned-subscriptions.js';
import { latestVersionOf } from './contracts.js';
import { operationDeprecationsOf } from './operation-deprecations-of.js';
import { ownerOfContract } from './owner-of.js';
import type { RegistryEvent } from './registry-events.js';
import type { Deprecations, RegistryDeps } from './registry-types.js';
import { contracts, operationDeprecations, subscriptions, versions } from './registry.tables.js';

export interface DeprecationInput {
  contract: string;
  sunsetAt: Date;
  /** Kept as it was when deprecating the same thing again without one. */
  note?: string;
}

type Scope = Extract<RegistryEvent, { type: 'contract.deprecated' }>['scope'];
type ContractRow = typeof contracts.$inferSelect;
type Owner = Awaited<ReturnType<typeof ownerOfContract>>;

/**
 * Deprecation announced through the registry: of a whole contract, of one version, or of single
 * operations. Each is one transaction that checks the owner's right to manage the contract, writes
 * an audit event and tells the approved consumers it concerns. Operations deprecated here hold
 * the compatibility check to their sunset exactly as a deprecation written in the document would.
 */
export function createDeprecations({ db, clock, compatibility, access, emit }: RegistryDeps) {
  const minDays = compatibility?.minDeprecationDays ?? 0;

  /** Locks the contract row first (as publishes do), then reads its owner and asks for the right. */
  async function manage(tx: Db, slug: string, actor: Actor): Promise<{ contract: ContractRow; owner: Owner }> {
    const [contract] = await tx.select().from(contracts).where(eq(contracts.slug, slug)).for('update');
    if (!contract) throw new NotFound(`contract "${slug}"`);
    const owner = await ownerOfContract(tx, slug);
    await access.assert(tx, actor, 'contract.manage', owner.teamId);
    if (contract.lifecycle === 'retired') throw new Conflict('contract-retired', `contract "${slug}" is retired; there is nothing left to deprecate`);
    return { contract, owner };
  }

  async function announce(tx: Db, { contract, owner }: { contract: ContractRow; owner: Owner }, scope: Scope, details: { sunsetAt: Date; note: string; version?: string; operations?: string[] }, actor: Actor, now: Date) {
    const { sunsetAt, note, ...what } = details;
    await emit?.(tx, { type: 'contract.deprecated', contractId: contract.id, contract: contract.slug, ownerSystemId: owner.systemId, scope, ...what, sunsetAt: sunsetAt.toISOString(), note, consumers: await consumersOf(tx, contract.id, what) });
    // Last: appending to the audit chain holds its lock until commit.
    await recordAuditEvent(tx, { actor, action: `${scope}.deprecated`, targetType: 'contract', targetId: contract.slug, summary: { ...what, sunsetAt: sunsetAt.toISOString(), note }, at: now });
  }

  async function deprecations(tx: Db, slug: string): Promise<Deprecations> {
    const [contract] = await tx.select({ id: contracts.id, lifecycle: contracts.lifecycle, sunsetAt: contracts.sunsetAt }).from(contracts).where(eq(contracts.slug, slug));
    if (!contract) throw new NotFound(`contract "${slug}"`);
    const deprecated = await tx
      .select({ version: versions.version, deprecatedAt: versions.deprecatedAt, sunsetAt: versions.sunsetAt, note: versions.deprecationNote })
      .from(versions)
      .where(and(eq(versions.contractId, contract.id), isNotNull(versions.deprecatedAt)))
      .orderBy(desc(versions.major), desc(versions.minor), desc(versions.patch), desc(versions.publishedAt));
    return {
      contract: slug,
      lifecycle: contract.lifecycle,
      sunsetAt: contract.sunsetAt,
      versions: deprecated.map((v) => ({ version: v.version, deprecatedAt: v.deprecatedAt!, sunsetAt: v.sunsetAt, note: v.note ?? '' })),
      operations: await operationDeprecationsOf(tx, contract.id),
    };
  }

  return {
    get: (contract: string) => deprecations(db, contract),

    /** The whole contract: lifecycle `deprecated` until its sunset, when the owner retires it. */
    async deprecateContract({ contract: slug, sunsetAt, note = '' }: DeprecationInput, actor: Actor): Promise<Deprecations> {
      return db.transaction(async (tx) => {
        const managed = await manage(tx, slug, actor);
        const now = clock.now();
        const announced = managed.contract.lifecycle === 'deprecated' ? managed.contract.sunsetAt : null;
        assertSunset({ sunsetAt, now, announced, minDays, subject: `contract "${slug}"` });
        await tx.update(contracts).set({ lifecycle: 'deprecated', sunsetAt, updatedAt: now }).where(eq(contracts.id, managed.contract.id));
        await announce(tx, managed, 'contract', { sunsetAt, note }, actor, now);
        return deprecations(tx, slug);
      });
    },

    /** One version; the only fields of a published version that ever change. */
    async deprecateVersion({ contract: slug, version, sunsetAt, note }: DeprecationInput & { version: string }, actor: Actor): Promise<Deprecations> {
      return db.transaction(async (tx) => {
        const managed = await manage(tx, slug, actor);
        const [row] = await tx
          .select({ id: versions.id, deprecatedAt: versions.deprecatedAt, sunsetAt: versions.sunsetAt, note: versions.deprecationNote })
          .from(versions)
          .where(and(eq(versions.contractId, managed.contract.id), eq(versions.version, version)));
        if (!row) throw new NotFound(`version ${version} of contract "${slug}"`);
        const now = clock.now();
        assertSunset({ sunsetAt, now, announced: row.deprecatedAt === null ? null : row.sunsetAt, minDays, subject: `${slug} ${version}` });
        const kept = note ?? row.note ?? '';
        await tx.update(versions).set({ deprecatedAt: row.deprecatedAt ?? now, sunsetAt, deprecationNote: kept }).where(eq(versions.id, row.id));
        await announce(tx, managed, 'version', { version, sunsetAt, note: kept }, actor, now);
        return deprecations(tx, slug);
      });
    },

    /**
     * Single operations of the latest version, named by their keys (path-parameter names do not
     * matter) or operation ids. Deprecating one again may only move its sunset later.
     */
    async deprecateOperations({ contract: slug, operations: named, sunsetAt, note }: DeprecationInput & { operations: string[] }, actor: Actor): Promise<Deprecations> {
      return db.transaction(async (tx) => {
        const managed = await manage(tx, slug, actor);
        const keys = await latestOperationKeys(tx, managed.contract, named);
        const recorded = new Map((await operationDeprecationsOf(tx, managed.contract.id)).map((row) => [row.operation, row]));
        const now = clock.now();
        for (const key of keys) assertSunset({ sunsetAt, now, announced: recorded.get(key)?.sunsetAt ?? null, minDays, subject: `operation ${key}` });
        for (const key of keys) {
          await tx
            .insert(operationDeprecations)
            .values({ id: newId(now.getTime()), contractId: managed.contract.id, operation: key, sunsetAt, note: note ?? '', createdAt: now, createdBy: describeActor(actor) })
            .onConflictDoUpdate({ target: [operationDeprecations.contractId, operationDeprecations.operation], set: { sunsetAt, ...(note === undefined ? {} : { note }) } });
        }
        await announce(tx, managed, 'operations', { operations: keys, sunsetAt, note: note ?? '' }, actor, now);
        return deprecations(tx, slug);
      });
    },

    /** Withdraws deprecations recorded here; one not recorded is an error naming it. */
    async undeprecateOperations({ contract: slug, operations: named }: { contract: string; operations: string[] }, actor: Actor): Promise<Deprecations> {
      return db.transaction(async (tx) => {
        const { contract } = await manage(tx, slug, actor);
        const recorded = new Map((await operationDeprecationsOf(tx, contract.id)).map((row) => [operationMatchKey(row.operation), row.operation]));
        const issues: Issue[] = [];
        const keys = named.map((wanted, i) => {
          const key = recorded.get(operationMatchKey(wanted));
          if (!key) issues.push({ pointer: `/operations/${i}`, message: `"${wanted}" is not deprecated through Accord`, code: 'not-deprecated' });
          return key ?? wanted;
        });
        if (issues.length > 0) throw new InvalidInput(`${plural(issues.length, 'operation')} of "${slug}" ${issues.length === 1 ? 'has' : 'have'} no recorded deprecation to withdraw; GET /api/v1/contracts/${slug}/deprecations lists those that do`, issues, 'not-deprecated');
        const unique = [...new Set(keys)];
        await tx.delete(operationDeprecations).where(and(eq(operationDeprecations.contractId, contract.id), inArray(operationDeprecations.operation, unique)));
        await recordAuditEvent(tx, { actor, action: 'operations.undeprecated', targetType: 'contract', targetId: slug, summary: { operations: unique }, at: clock.now() });
        return deprecations(tx, slug);
      });
    },
  };
}

/** Canonical keys of the named operations in the contract's latest version, or issues naming each unknown one. */
async function latestOperationKeys(tx: Db, contract: ContractRow, named: string[]): Promise<string[]> {
  const [latest] = await tx
    .select({ version: versions.version, operations: versions.operations })
    .from(versions)
    .where(and(eq(versions.contractId, contract.id), sql`${versions.version} = ${latestVersionOf(sql`${contract.id}::uuid`)}`));
  if (!latest) throw new InvalidInput(`contract "${contract.slug}" has no published version, so no operations to deprecate`, [{ pointer: '/operations', message: 'no published version' }], 'unknown-operation');
  const operations = latest.operations as Operation[];
  const byKey = new Map(operations.map((o) => [operationMatchKey(o.key), o.key]));
  const byId = new Map(operations.flatMap((o) => (o.operationId === undefined ? [] : [[o.operationId, o.key] as const])));
  const issues: Issue[] = [];
  const keys = named.map((wanted, i) => {
    const key = byKey.get(operationMatchKey(wanted)) ?? byId.get(wanted.trim());
    if (!key) issues.push({ pointer: `/operations/${i}`, message: `"${wanted}" is not an operation of ${contract.slug} ${latest.version}`, code: 'unknown-operation' });
    return key ?? wanted;
  });
  if (issues.length > 0) throw new InvalidInput(`${plural(issues.length, 'operation')} ${issues.length === 1 ? 'does' : 'do'} not exist in ${contract.slug} ${latest.version}, the latest version`, issues, 'unknown-operation');
  return [...new Set(keys)];
}

/**
 * The approved consumers a deprecation concerns: all of them for the contract, those whose range
 * admits the version, those subscribed to one of the operations; each once, through the
 * subscription the deprecation concerns (`concernedSubscriptions`).
 */
async function consumersOf(tx: Db, contractId: string, what: { version?: string; operations?: string[] }): Promise<{ systemId: string; subscriptionId: string }[]> {
  const rows = await tx
    .select({ subscriptionId: subscriptions.id, consumerSystemId: subscriptions.consumerSystemId, range: subscriptions.range, operations: subscriptions.operations })
    .from(subscriptions)
    .where(and(eq(subscriptions.contractId, contractId), eq(subscriptions.status, 'approved')))
    .orderBy(asc(subscriptions.id));
  const deprecated = new Set((what.operations ?? []).map(operationMatchKey));
  const concerned = rows
    .filter((row) => (what.version === undefined ? true : semver.satisfies(what.version, row.range, { includePrerelease: true })))
    .filter((row) => (what.operations === undefined ? true : row.operations.some((key) => deprecated.has(operationMatchKey(key)))));
  return concernedSubscriptions(concerned, what.version).map(({ subscriptionId, consumerSystemId }) => ({ subscriptionId, systemId: consumerSystemId }));
}

export type DeprecationService = ReturnType<typeof createDeprecations>;
