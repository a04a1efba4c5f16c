import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/index.js';
import { InvalidInput, NotFound, nameActor, type Actor } from '../shared/index.js';
import { contractIdOf } from './contract-id-of.js';
import { ownerOfContract } from './owner-of.js';
import type { RegistryDeps, UsageGating } from './registry-types.js';
import { contracts, environments, subscriptions, systems, teams, usageExclusions } from './registry.tables.js';
import { usageSettingsOf, type UsageSettings } from './usage-settings-of.js';

const DAY_MS = 86_400_000;
export const MAX_USAGE_DAYS = 400;

export interface UsagePatch {
  gating?: UsageGating;
  days?: number;
  threshold?: number;
}

export interface ConsumerExclusion {
  consumer: string;
  /** Why the consumer's traffic is not use (a synthetic monitor, a load test): required, and audited. */
  reason: string;
}

export interface UsageQuery {
  /** The look-back in days; the contract's own unless given. */
  days?: number;
  environment?: string;
}

/** A contract's observed usage over a look-back: who called what, and where declarations and traffic disagree. */
export interface UsageReport {
  contract: string;
  environment: string | null;
  days: number;
  threshold: number;
  from: Date;
  to: Date;
  /** Operation × consumer request counts, summed over environments, most requested first. */
  operations: { operation: string; consumer: string; requests: number; lastSeenAt: Date; environments: string[]; declared: boolean }[];
  /** Consumers seen calling the contract at least `threshold` times without an approved subscription. */
  shadowConsumers: { consumer: string; team: string | null; operations: string[]; requests: number; lastSeenAt: Date }[];
  /** Approved subscriptions whose consumer made no request in the look-back. */
  silentSubscriptions: { subscription: string; consumer: string; team: string; range: string; operations: string[] }[];
  /** Consumers whose traffic is left out, and why. */
  excluded: { consumer: string; reason: string; requests: number }[];
}

/** Per-contract usage settings (gating mode, look-back, threshold, exclusions) and the observed-usage report. */
export function createUsage({ db, clock, access, observedUsage }: RegistryDeps) {
  const configured = async (tx: typeof db, contract: string, actor: Actor) => {
    const owner = await ownerOfContract(tx, contract);
    await access.assert(tx, actor, 'contract.manage', owner.teamId);
    return owner.contractId;
  };

  return {
    async settings(contract: string): Promise<UsageSettings> {
      return usageSettingsOf(db, await contractIdOf(db, contract));
    },

    /** Changes the gating mode, look-back or threshold; audited with the settings before and after. */
    async configure(contract: string, patch: UsagePatch, actor: Actor): Promise<UsageSettings> {
      return db.transaction(async (tx) => {
        const contractId = await configured(tx, contract, actor);
        const before = await usageSettingsOf(tx, contractId);
        const now = clock.now();
        await tx
          .update(contracts)
          .set({ ...(patch.gating !== undefined && { usageGating: patch.gating }), ...(patch.days !== undefined && { usageDays: patch.days }), ...(patch.threshold !== undefined && { usageThreshold: patch.threshold }), updatedAt: now })
          .where(eq(contracts.id, contractId));
        const after = await usageSettingsOf(tx, contractId);
        await recordAuditEvent(tx, { actor, action: 'contract.usage-configured', targetType: 'contract', targetId: contract, summary: { before: pick(before), after: pick(after) }, at: now });
        return after;
      });
    },

    /** Leaves a consumer's traffic out of the contract's usage; the reason is kept and audited. */
    async exclude(contract: string, { consumer, reason }: ConsumerExclusion, actor: Actor): Promise<UsageSettings> {
      if (reason.trim() === '') throw new InvalidInput('say why the consumer\'s traffic is not use of the contract', [{ pointer: '/reason', message: 'a reason is required' }]);
      return db.transaction(async (tx) => {
        const contractId = await configured(tx, contract, actor);
        const now = clock.now();
        await tx
          .insert(usageExclusions)
          .values({ contractId, consumer, reason: reason.trim(), createdAt: now, createdBy: nameActor(actor) })
          .onConflictDoUpdate({ target: [usageExclusions.contractId, usageExclusions.consumer], set: { reason: reason.trim(), createdAt: now, createdBy: nameActor(actor) } });
        await recordAuditEvent(tx, { actor, action: 'contract.usage-consumer-excluded', targetType: 'contract', targetId: contract, summary: { consumer, reason: reason.trim() }, at: now });
        return usageSettingsOf(tx, contractId);
      });
    },

    /** Counts a consumer's traffic again. */
    async include(contract: string, consumer: string, actor: Actor): Promise<UsageSettings> {
      return db.transaction(async (tx) => {
        const contractId = await configured(tx, contract, actor);
        const removed = await tx.delete(usageExclusions).where(and(eq(usageExclusions.contractId, contractId), eq(usageExclusions.consumer, consumer))).returning({ consumer: usageExclusions.consumer });
        if (removed.length === 0) throw new NotFound(`exclusion of consumer "${consumer}" from the usage of contract "${contract}"`);
        await recordAuditEvent(tx, { actor, action: 'contract.usage-consumer-included', targetType: 'contract', targetId: contract, summary: { consumer }, at: clock.now() });
        return usageSettingsOf(tx, contractId);
      });
    },

    async report(contract: string, query: UsageQuery = {}): Promise<UsageReport> {
      const contractId = await contractIdOf(db, contract);
      const settings = await usageSettingsOf(db, contractId);
      let environmentId: string | undefined;
      if (query.environment !== undefined) {
        const [env] = await db.select({ id: environments.id }).from(environments).where(eq(environments.slug, query.environment));
        if (!env) throw new NotFound(`environment "${query.environment}"`);
        environmentId = env.id;
      }
      const days = query.days ?? settings.days;
      const to = clock.now();
      const from = new Date(to.getTime() - days * DAY_MS);
      const observed = observedUsage ? await observedUsage(db, { contractId, from, to, environmentId }) : [];
      const approved = await db
        .select({ subscription: subscriptions.id, consumer: systems.slug, team: teams.slug, range: subscriptions.range, operations: subscriptions.operations })
        .from(subscriptions)
        .innerJoin(systems, eq(systems.id, subscriptions.consumerSystemId))
        .innerJoin(teams, eq(teams.id, systems.teamId))
        .where(and(eq(subscriptions.contractId, contractId), eq(subscriptions.status, 'approved')))
        .orderBy(asc(systems.slug), asc(subscriptions.id));
      const excludedReason = new Map(settings.exclusions.map((e) => [e.consumer, e.reason]));
      const subscribed = new Set(approved.map((s) => s.consumer));
      const declared = new Set(approved.flatMap((s) => s.operations.map((o) => `${s.consumer}\n${o}`)));
      const cells = new Map<string, UsageReport['operations'][number]>();
      const excludedRequests = new Map<string, number>();
      for (const o of observed) {
        if (excludedReason.has(o.consumer)) {
          excludedRequests.set(o.consumer, (excludedRequests.get(o.consumer) ?? 0) + o.requests);
          continue;
        }
        const key = `${o.consumer}\n${o.operation}`;
        const known = cells.get(key) ?? { operation: o.operation, consumer: o.consumer, requests: 0, lastSeenAt: o.lastSeenAt, environments: [], declared: declared.has(key) };
        cells.set(key, { ...known, requests: known.requests + o.requests, lastSeenAt: o.lastSeenAt > known.lastSeenAt ? o.lastSeenAt : known.lastSeenAt, environments: [...new Set([...known.environments, o.environment])].sort() });
      }
      const operations = [...cells.values()].sort((a, b) => b.requests - a.requests || a.operation.localeCompare(b.operation) || a.consumer.localeCompare(b.consumer));
      const byConsumer = new Map<string, { operations: string[]; requests: number; lastSeenAt: Date }>();
      for (const o of operations) {
        const known = byConsumer.get(o.consumer) ?? { operations: [], requests: 0, lastSeenAt: o.lastSeenAt };
        byConsumer.set(o.consumer, { operations: [...known.operations, o.operation].sort(), requests: known.requests + o.requests, lastSeenAt: o.lastSeenAt > known.lastSeenAt ? o.lastSeenAt : known.lastSeenAt });
      }
      const shadow = [...byConsumer].filter(([consumer, seen]) => !subscribed.has(consumer) && seen.requests >= settings.threshold);
      const teamOf = new Map(
        shadow.length === 0 ? [] : (await db.select({ consumer: systems.slug, team: teams.slug }).from(systems).innerJoin(teams, eq(teams.id, systems.teamId)).where(inArray(systems.slug, shadow.map(([consumer]) => consumer)))).map((r) => [r.consumer, r.team]),
      );
      return {
        contract,
        environment: query.environment ?? null,
        days,
        threshold: settings.threshold,
        from,
        to,
        operations,
        shadowConsumers: shadow.map(([consumer, seen]) => ({ consumer, team: teamOf.get(consumer) ?? null, ...seen })).sort((a, b) => a.consumer.localeCompare(b.consumer)),
        silentSubscriptions: approved.filter((s) => !byConsumer.has(s.consumer) && !excludedReason.has(s.consumer)),
        excluded: settings.exclusions.map((e) => ({ consumer: e.consumer, reason: e.reason, requests: excludedRequests.get(e.consumer) ?? 0 })),
      };
    },
  };
}

const pick = ({ gating, days, threshold }: UsageSettings) => ({ gating, days, threshold });

export type Usage = ReturnType<typeof createUsage>;
