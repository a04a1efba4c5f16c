import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { operationMatchKey } from '../shared/index.js';
import { concernedSubscriptions } from './concerned-subscriptions.js';
import type { ObservedUsageReader } from './registry-types.js';
import { subscriptions, systems, teams } from './registry.tables.js';
import type { UsageSettings } from './usage-settings-of.js';

const DAY_MS = 86_400_000;

/** One consumer's use of one operation: declared by an approved subscription, observed in traffic, or both. */
export interface OperationUse {
  consumer: string;
  /** The owning team of the consumer system; null for a consumer traffic names but the registry does not know. */
  team: string | null;
  operation: string;
  declared: boolean;
  /** Requests over the look-back, summed over environments; null when not observed above the threshold. */
  requests: number | null;
  lastSeenAt: string | null;
}

export interface ConsumersQuery {
  contractId: string;
  settings: UsageSettings;
  now: Date;
  /** Concerns the subscriptions whose range admits this version (see `concernedSubscriptions`). */
  version?: string;
  environmentId?: string;
  /** The fewest requests that count; the contract's threshold unless given. */
  threshold?: number;
}

/**
 * Who uses which operation of a contract: the operations of each consumer's concerned approved
 * subscription, and the operations consumers called over the contract's look-back at least
 * `threshold` times. Excluded consumers' traffic does not count.
 */
export async function consumersOf(db: Db, observedUsage: ObservedUsageReader | undefined, { contractId, settings, now, version, environmentId, threshold = settings.threshold }: ConsumersQuery): Promise<OperationUse[]> {
  const approved = await db
    .select({ consumerSystemId: subscriptions.consumerSystemId, consumer: systems.slug, team: teams.slug, range: subscriptions.range, operations: subscriptions.operations })
    .from(subscriptions)
    .innerJoin(systems, eq(systems.id, subscriptions.consumerSystemId))
    .innerJoin(teams, eq(teams.id, systems.teamId))
    .where(and(eq(subscriptions.contractId, contractId), eq(subscriptions.status, 'approved')))
    .orderBy(asc(subscriptions.id));
  const uses = new Map<string, OperationUse>();
  for (const s of concernedSubscriptions(approved, version)) {
    for (const operation of s.operations) uses.set(`${s.consumer}\n${operationMatchKey(operation)}`, { consumer: s.consumer, team: s.team, operation, declared: true, requests: null, lastSeenAt: null });
  }
  const excluded = new Set(settings.exclusions.map((e) => e.consumer));
  const observed = observedUsage ? await observedUsage(db, { contractId, from: new Date(now.getTime() - settings.days * DAY_MS), to: now, environmentId }) : [];
  const summed = new Map<string, { consumer: string; operation: string; requests: number; lastSeenAt: Date }>();
  for (const o of observed.filter((o) => !excluded.has(o.consumer))) {
    const key = `${o.consumer}\n${o.operation}`;
    const known = summed.get(key);
    if (!known) summed.set(key, { consumer: o.consumer, operation: o.operation, requests: o.requests, lastSeenAt: o.lastSeenAt });
    else summed.set(key, { ...known, requests: known.requests + o.requests, lastSeenAt: o.lastSeenAt > known.lastSeenAt ? o.lastSeenAt : known.lastSeenAt });
  }
  const above = [...summed.values()].filter((o) => o.requests >= Math.max(threshold, 1));
  const names = [...new Set(above.map((o) => o.consumer))];
  const teamOf = new Map(
    names.length === 0 ? [] : (await db.select({ consumer: systems.slug, team: teams.slug }).from(systems).innerJoin(teams, eq(teams.id, systems.teamId)).where(inArray(systems.slug, names))).map((r) => [r.consumer, r.team]),
  );
  for (const o of above) {
    const key = `${o.consumer}\n${operationMatchKey(o.operation)}`;
    const declared = uses.get(key);
    uses.set(key, { consumer: o.consumer, team: declared?.team ?? teamOf.get(o.consumer) ?? null, operation: o.operation, declared: declared !== undefined, requests: o.requests, lastSeenAt: o.lastSeenAt.toISOString() });
  }
  return [...uses.values()].sort((a, b) => a.consumer.localeCompare(b.consumer) || a.operation.localeCompare(b.operation));
}
