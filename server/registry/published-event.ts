import { and, asc, eq } from 'drizzle-orm';
import type { CandidateCheck, CheckFinding } from '../compat/index.js';
import type { Db } from '../db/index.js';
import { operationMatchKey } from '../shared/index.js';
import { concernedSubscriptions } from './concerned-subscriptions.js';
import type { RegistryEvent } from './registry-events.js';
import { subscriptions } from './registry.tables.js';

export interface PublishedFacts {
  contractId: string;
  contract: string;
  ownerSystemId: string;
  version: string;
  check: Pick<CandidateCheck, 'findings' | 'semver'>;
}

/**
 * The `version.published` event, read inside the publish's transaction so it lists exactly the
 * subscribers approved when the version landed, each consumer once, through the subscription the
 * version concerns (`concernedSubscriptions`). Each learns which of its subscribed operations a
 * breaking change reaches, matched as `affectedConsumers` matches them; a new major
 * counts too, since its breaking changes are what a consumer moving to it must handle.
 */
export async function publishedEvent(tx: Db, { contractId, contract, ownerSystemId, version, check }: PublishedFacts): Promise<Extract<RegistryEvent, { type: 'version.published' }>> {
  // What existing clients see: forward findings of FULL modes concern the other direction.
  const backward = check.findings.filter((f): f is CheckFinding => f.source === 'compatibility' && f.direction === 'backward');
  const breaking = backward.filter((f) => f.level === 'error');
  const approved = await tx
    .select({ id: subscriptions.id, consumerSystemId: subscriptions.consumerSystemId, range: subscriptions.range, operations: subscriptions.operations })
    .from(subscriptions)
    .where(and(eq(subscriptions.contractId, contractId), eq(subscriptions.status, 'approved')))
    .orderBy(asc(subscriptions.id));
  const consumers = concernedSubscriptions(approved, version).map((subscription) => {
    const used = new Map(subscription.operations.map((key) => [operationMatchKey(key), key]));
    const reached = (findings: readonly CheckFinding[]) => [...new Set(findings.flatMap((f) => f.operations.map((key) => used.get(operationMatchKey(key))).filter((key): key is string => key !== undefined)))].sort();
    return { systemId: subscription.consumerSystemId, subscriptionId: subscription.id, affectedOperations: reached(breaking), touchedOperations: reached(backward) };
  });
  return {
    type: 'version.published',
    contractId,
    contract,
    ownerSystemId,
    version,
    previous: check.semver.previous,
    summary: { breaking: breaking.length, nonBreaking: backward.length - breaking.length, policy: check.findings.filter((f) => f.source === 'policy').length },
    consumers,
  };
}
