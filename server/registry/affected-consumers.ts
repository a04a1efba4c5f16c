import { and, asc, eq } from 'drizzle-orm';
import semver from 'semver';
import type { CheckFinding } from '../compat/index.js';
import type { Db } from '../db/index.js';
import { operationMatchKey } from '../shared/index.js';
import { concernedSubscriptions } from './concerned-subscriptions.js';
import { subscriptions, systems } from './registry.tables.js';

/** A consumer whose subscribed operations a check's findings touch. */
export interface AffectedConsumer {
  consumer: string;
  /** The consumer's subscription the check concerns, and its range: see `concernedSubscriptions`. */
  subscription: string;
  range: string;
  /** Whether the subscription's range admits the candidate version, i.e. the consumer would pick it up. */
  admitsVersion: boolean | null;
  /** The subscribed operations some finding reaches. */
  operations: string[];
  /** How many of those findings are breaking and not accepted by a new major. */
  breaking: number;
}

/** Who a change would hurt: consumers, each once, whose concerned approved subscription's operations the findings reach. */
export async function affectedConsumers(tx: Db, contractId: string, findings: readonly Pick<CheckFinding, 'level' | 'operations' | 'accepted'>[], version: string | undefined): Promise<AffectedConsumer[]> {
  if (findings.length === 0) return [];
  const approved = await tx
    .select({ id: subscriptions.id, consumerSystemId: subscriptions.consumerSystemId, consumer: systems.slug, range: subscriptions.range, operations: subscriptions.operations })
    .from(subscriptions)
    .innerJoin(systems, eq(systems.id, subscriptions.consumerSystemId))
    .where(and(eq(subscriptions.contractId, contractId), eq(subscriptions.status, 'approved')))
    .orderBy(asc(subscriptions.id));
  const affected: AffectedConsumer[] = [];
  for (const row of concernedSubscriptions(approved, version)) {
    const used = new Map(row.operations.map((key) => [operationMatchKey(key), key]));
    const hit = new Set<string>();
    let breaking = 0;
    for (const finding of findings) {
      const reached = finding.operations.map((key) => used.get(operationMatchKey(key))).filter((key): key is string => key !== undefined);
      for (const key of reached) hit.add(key);
      if (reached.length > 0 && finding.level === 'error' && finding.accepted === undefined) breaking++;
    }
    if (hit.size === 0) continue;
    const admitsVersion = version === undefined ? null : semver.satisfies(version, row.range, { includePrerelease: true });
    affected.push({ consumer: row.consumer, subscription: row.id, range: row.range, admitsVersion, operations: [...hit].sort(), breaking });
  }
  return affected.sort((a, b) => b.breaking - a.breaking || a.consumer.localeCompare(b.consumer));
}
