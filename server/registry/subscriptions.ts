import { and, asc, count, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import semver from 'semver';
import { recordAuditEvent } from '../audit/index.js';
import type { Db } from '../db/index.js';
import { Conflict, InvalidInput, NotFound, describeActor, newId, operationMatchKey, plural, withArticle, type Actor, type Issue } from '../shared/index.js';
import type { Operation } from '../spec/index.js';
import { contractIdOf } from './contract-id-of.js';
import { ownerOfContract, ownerOfSystem } from './owner-of.js';
import { idCursor, readPageRequest, toPage } from './page.js';
import type { Page, PageRequest, RegistryDeps, Subscription, SubscriptionStatus } from './registry-types.js';
import { contracts, subscriptions, systems, versions } from './registry.tables.js';

const consumers = alias(systems, 'consumer');

export interface SubscriptionRequest {
  contract: string;
  consumer: string;
  range: string;
  operations: string[];
  note?: string;
}

export interface SubscriptionFilter extends PageRequest {
  contract?: string;
  consumer?: string;
  status?: SubscriptionStatus;
}

const columns = {
  id: subscriptions.id,
  contract: contracts.slug,
  consumer: consumers.slug,
  range: subscriptions.range,
  operations: subscriptions.operations,
  status: subscriptions.status,
  note: subscriptions.note,
  requestedBy: subscriptions.requestedBy,
  decidedBy: subscriptions.decidedBy,
  decidedAt: subscriptions.decidedAt,
  createdAt: subscriptions.createdAt,
  updatedAt: subscriptions.updatedAt,
};

/** Which states each decision may leave: owners approve or reject requests; either side revokes. */
const TRANSITIONS: Record<'approve' | 'reject' | 'revoke', { from: SubscriptionStatus[]; to: SubscriptionStatus }> = {
  approve: { from: ['requested'], to: 'approved' },
  reject: { from: ['requested'], to: 'rejected' },
  revoke: { from: ['requested', 'approved'], to: 'revoked' },
};

export function createSubscriptions({ db, clock, access, emit }: RegistryDeps) {
  const select = (tx: Db = db) =>
    tx
      .select(columns)
      .from(subscriptions)
      .innerJoin(contracts, eq(contracts.id, subscriptions.contractId))
      .innerJoin(consumers, eq(consumers.id, subscriptions.consumerSystemId));
  const byId = async (tx: Db, id: string) => (await select(tx).where(eq(subscriptions.id, id)))[0] as Subscription;

  /** Canonical operation keys from the newest version the range admits, or issues naming each unknown one. */
  async function resolveOperations(tx: Db, contractId: string, input: SubscriptionRequest): Promise<string[]> {
    const published = await tx.select({ version: versions.version }).from(versions).where(eq(versions.contractId, contractId));
    const target = semver.maxSatisfying(published.map((p) => p.version), input.range);
    if (!target) {
      throw new InvalidInput(`no published version of "${input.contract}" satisfies ${input.range}`, [{ pointer: '/range', message: 'matches no published version' }], 'range-unsatisfied');
    }
    const [row] = await tx.select({ operations: versions.operations }).from(versions).where(and(eq(versions.contractId, contractId), eq(versions.version, target)));
    const offered = new Map((row!.operations as Operation[]).map((o) => [operationMatchKey(o.key), o.key]));
    const issues: Issue[] = [];
    const keys = input.operations.map((wanted, i) => {
      const key = offered.get(operationMatchKey(wanted));
      if (!key) issues.push({ pointer: `/operations/${i}`, message: `"${wanted}" is not an operation of ${input.contract} ${target}`, code: 'unknown-operation' });
      return key ?? wanted;
    });
    if (issues.length > 0) throw new InvalidInput(`${plural(issues.length, 'requested operation')} ${issues.length === 1 ? 'does' : 'do'} not exist in ${input.contract} ${target}; GET /api/v1/contracts/${input.contract}/versions/{version} lists its operations`, issues, 'unknown-operation');
    return [...new Set(keys)];
  }

  async function decide(id: string, decision: keyof typeof TRANSITIONS, actor: Actor, note?: string): Promise<Subscription> {
    assertSubscriptionId(id);
    const { from, to } = TRANSITIONS[decision];
    return db.transaction(async (tx) => {
      const [current] = await tx.select().from(subscriptions).where(eq(subscriptions.id, id)).for('update');
      if (!current) throw new NotFound(`subscription "${id}"`);
      const owner = await ownerOfContract(tx, { id: current.contractId });
      // Either side may end a subscription: the owner's maintainers, or the consumer's own team.
      const consumerMayRevoke = decision === 'revoke' && (await access.permits(tx, actor, 'subscription.request', (await ownerOfSystem(tx, { id: current.consumerSystemId })).teamId));
      if (!consumerMayRevoke) await access.assert(tx, actor, 'subscription.decide', owner.teamId);
      if (!from.includes(current.status)) {
        throw new Conflict('invalid-transition', `this subscription is ${current.status}; it cannot be ${to}`);
      }
      const now = clock.now();
      await tx
        .update(subscriptions)
        .set({ status: to, decidedBy: describeActor(actor), decidedAt: now, updatedAt: now, ...(note === undefined ? {} : { note }) })
        .where(eq(subscriptions.id, id));
      const decided = await byId(tx, id);
      await emit?.(tx, { type: `subscription.${to}`, contractId: current.contractId, contract: decided.contract, ownerSystemId: owner.systemId, subscriptionId: id, consumerSystemId: current.consumerSystemId, range: current.range, operations: current.operations });
      await recordAuditEvent(tx, { actor, action: `subscription.${to}`, targetType: 'subscription', targetId: id, summary: { from: current.status, to }, at: now });
      return decided;
    });
  }

  return {
    async request(input: SubscriptionRequest, actor: Actor): Promise<Subscription> {
      if (!semver.validRange(input.range)) {
        throw new InvalidInput(`"${input.range}" is not a semver range such as ^1.2.0 or >=1.0.0 <3.0.0`, [{ pointer: '/range', message: 'invalid range' }], 'invalid-range');
      }
      return db.transaction(async (tx) => {
        const [contract] = await tx.select({ id: contracts.id, lifecycle: contracts.lifecycle, systemId: contracts.systemId }).from(contracts).where(eq(contracts.slug, input.contract));
        if (!contract) throw new NotFound(`contract "${input.contract}"`);
        if (contract.lifecycle === 'retired') throw new Conflict('contract-retired', `contract "${input.contract}" is retired and takes no new subscriptions`);
        const consumerOwner = await ownerOfSystem(tx, input.consumer, '/consumer');
        await access.assert(tx, actor, 'subscription.request', consumerOwner.teamId);
        const consumer = { id: consumerOwner.systemId };
        await assertRangeFree(tx, { contractId: contract.id, consumerSystemId: consumer.id }, input);
        const operations = await resolveOperations(tx, contract.id, input);
        const now = clock.now();
        const id = newId(now.getTime());
        await tx.insert(subscriptions).values({
          id,
          contractId: contract.id,
          consumerSystemId: consumer.id,
          range: input.range,
          operations,
          status: 'requested',
          note: input.note ?? '',
          requestedBy: describeActor(actor),
          createdAt: now,
          updatedAt: now,
        });
        await emit?.(tx, { type: 'subscription.requested', contractId: contract.id, contract: input.contract, ownerSystemId: contract.systemId, subscriptionId: id, consumerSystemId: consumer.id, range: input.range, operations });
        await recordAuditEvent(tx, { actor, action: 'subscription.requested', targetType: 'subscription', targetId: id, summary: { contract: input.contract, consumer: input.consumer, range: input.range }, at: now });
        return byId(tx, id);
      });
    },

    approve: (id: string, actor: Actor, note?: string) => decide(id, 'approve', actor, note),
    reject: (id: string, actor: Actor, note?: string) => decide(id, 'reject', actor, note),
    revoke: (id: string, actor: Actor, note?: string) => decide(id, 'revoke', actor, note),

    async get(id: string): Promise<Subscription> {
      assertSubscriptionId(id);
      const [row] = await select().where(eq(subscriptions.id, id));
      if (!row) throw new NotFound(`subscription "${id}"`);
      return row;
    },

    async count(filter: Omit<SubscriptionFilter, keyof PageRequest>): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(subscriptions)
        .innerJoin(contracts, eq(contracts.id, subscriptions.contractId))
        .innerJoin(consumers, eq(consumers.id, subscriptions.consumerSystemId))
        .where(and(filter.contract ? eq(contracts.slug, filter.contract) : undefined, filter.consumer ? eq(consumers.slug, filter.consumer) : undefined, filter.status ? eq(subscriptions.status, filter.status) : undefined));
      return row?.n ?? 0;
    },

    async list(filter: SubscriptionFilter): Promise<Page<Subscription>> {
      const { limit, after } = readPageRequest(filter, idCursor);
      if (filter.contract) await contractIdOf(db, filter.contract);
      if (filter.consumer) {
        const [s] = await db.select({ id: systems.id }).from(systems).where(eq(systems.slug, filter.consumer));
        if (!s) throw new NotFound(`system "${filter.consumer}"`);
      }
      const where: (SQL | undefined)[] = [
        after === undefined ? undefined : gt(subscriptions.id, after),
        filter.contract ? eq(contracts.slug, filter.contract) : undefined,
        filter.consumer ? eq(consumers.slug, filter.consumer) : undefined,
        filter.status ? eq(subscriptions.status, filter.status) : undefined,
      ];
      const rows = await select().where(and(...where)).orderBy(asc(subscriptions.id)).limit(limit + 1);
      return toPage(rows, limit, (r) => r.id, (r) => r);
    },
  };
}

export type Subscriptions = ReturnType<typeof createSubscriptions>;

/**
 * Refuses a range that overlaps one of the consumer's live subscriptions to the contract: a
 * consumer may hold `^1` and `^2` side by side while it migrates, but every version it could use
 * must belong to one subscription. The lock on the (contract, consumer) pair, held until the
 * transaction ends, makes two concurrent requests with overlapping ranges take turns, so the
 * second sees the first; pairs hash to two int4 keys, and a collision only makes two unrelated
 * requests wait for each other.
 */
async function assertRangeFree(tx: Db, pair: { contractId: string; consumerSystemId: string }, input: SubscriptionRequest): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${pair.contractId}), hashtext(${pair.consumerSystemId}))`);
  const live = await tx
    .select({ id: subscriptions.id, range: subscriptions.range, status: subscriptions.status })
    .from(subscriptions)
    .where(and(eq(subscriptions.contractId, pair.contractId), eq(subscriptions.consumerSystemId, pair.consumerSystemId), inArray(subscriptions.status, ['requested', 'approved'])))
    .orderBy(asc(subscriptions.id));
  const clash = live.find((s) => semver.intersects(s.range, input.range, { includePrerelease: true }));
  if (clash) {
    throw new Conflict(
      'subscription-exists',
      `system "${input.consumer}" already has ${withArticle(clash.status)} subscription ${clash.id} to "${input.contract}" for ${clash.range}, which overlaps ${input.range}; ask for a range that does not overlap it, or revoke it first`,
      [{ pointer: '/range', message: `overlaps ${clash.range} of subscription ${clash.id}` }],
    );
  }
}

/** Subscription ids are UUIDs; anything else names no subscription (and must not reach SQL as one). */
function assertSubscriptionId(id: string): void {
  if (!idCursor.safeParse(id).success) throw new NotFound(`subscription "${id.slice(0, 80)}"`);
}
