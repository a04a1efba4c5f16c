import { and, desc, eq } from 'drizzle-orm';
import semver from 'semver';
import { operationMatchKey, NotFound, plural } from '../shared/index.js';
import type { Operation } from '../spec/index.js';
import type { Comparisons } from './compare-versions.js';
import { consumersOf } from './consumers-of.js';
import type { RegistryDeps } from './registry-types.js';
import { contracts, deployments, environments, subscriptions, systems, versions } from './registry.tables.js';
import { usageSettingsOf } from './usage-settings-of.js';

const DAY_MS = 86_400_000;

/** `unknown`: what the answer rests on is missing (a version not published, a contract not deployed). */
export type DeployAnswer = 'yes' | 'no' | 'unknown';

export type CanIDeployQuestion = { contract: string; version: string; environment: string } | { system: string; environment: string };

export interface CanIDeploy {
  answer: DeployAnswer;
  environment: string;
  /** One sentence per party the answer looked at, the ones behind a no or an unknown first. */
  /** Each names the contract and the consumer it is about, when it is about one. */
  reasons: { answer: DeployAnswer; contract: string | null; consumer: string | null; message: string }[];
}

/**
 * Whether a provider may deploy a version of a contract to an environment, or a consumer system may
 * ship to it: from what is deployed there, the approved subscriptions and the traffic observed there.
 */
export function createCanIDeploy(deps: RegistryDeps & { comparisons: Comparisons }) {
  const { db, clock, observedUsage, comparisons } = deps;

  const environmentIdOf = async (slug: string) => {
    const [env] = await db.select({ id: environments.id }).from(environments).where(eq(environments.slug, slug));
    if (!env) throw new NotFound(`environment "${slug}"`);
    return env.id;
  };
  const deployedIn = async (contractId: string, environmentId: string) => {
    const [row] = await db
      .select({ version: versions.version, operations: versions.operations })
      .from(deployments)
      .innerJoin(versions, eq(versions.id, deployments.versionId))
      .where(and(eq(deployments.contractId, contractId), eq(deployments.environmentId, environmentId)))
      .orderBy(desc(deployments.deployedAt), desc(deployments.id))
      .limit(1);
    return row ? { version: row.version, operations: row.operations as Operation[] } : undefined;
  };

  async function asProvider({ contract, version, environment }: { contract: string; version: string; environment: string }): Promise<CanIDeploy> {
    const [target] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, contract));
    if (!target) throw new NotFound(`contract "${contract}"`);
    const environmentId = await environmentIdOf(environment);
    const [published] = await db.select({ version: versions.version }).from(versions).where(and(eq(versions.contractId, target.id), eq(versions.version, version)));
    if (!published) return { answer: 'unknown', environment, reasons: [{ answer: 'unknown', contract, consumer: null, message: `version ${version} of "${contract}" is not published: publish it (or run accord check) first` }] };
    const current = await deployedIn(target.id, environmentId);
    const settings = await usageSettingsOf(db, target.id);
    const uses = await consumersOf(db, observedUsage, { contractId: target.id, settings, now: clock.now(), version, environmentId });
    const consumers = [...new Set(uses.map((u) => u.consumer))];
    if (!current || current.version === version) {
      const message = !current ? `nothing of "${contract}" runs in ${environment} yet, so no consumer there depends on an earlier version` : `${version} already runs in ${environment}`;
      return { answer: 'yes', environment, reasons: [{ answer: 'yes', contract, consumer: null, message }] };
    }
    const comparison = await comparisons.compare(contract, current.version, version);
    const breaking = comparison.findings.filter((f) => f.level === 'error');
    const reasons: CanIDeploy['reasons'] = [];
    for (const consumer of consumers) {
      const used = uses.filter((u) => u.consumer === consumer);
      const keys = new Set(used.map((u) => operationMatchKey(u.operation)));
      const hits = breaking.filter((f) => f.operations.some((o) => keys.has(operationMatchKey(o))));
      const how = describeUse(used, settings.days);
      if (hits.length > 0) reasons.push({ answer: 'no', contract, consumer, message: `${consumer} (${how}) is broken by ${current.version} → ${version}: ${hits.map((f) => f.message).join('; ')}` });
      else reasons.push({ answer: 'yes', contract, consumer, message: `${consumer} (${how}) uses nothing ${current.version} → ${version} breaks` });
    }
    const unattributed = breaking.filter((f) => f.operations.length === 0);
    if (unattributed.length > 0) reasons.push({ answer: 'unknown', contract, consumer: null, message: `whom ${unattributed.map((f) => f.message).join('; ')} affects cannot be told: it names no operation` });
    if (reasons.length === 0) reasons.push({ answer: 'yes', contract, consumer: null, message: `no consumer subscribes to "${contract}" or called it in ${environment} in the last ${plural(settings.days, 'day')}` });
    return { answer: overall(reasons), environment, reasons: ordered(reasons) };
  }

  async function asConsumer({ system, environment }: { system: string; environment: string }): Promise<CanIDeploy> {
    const [consumer] = await db.select({ id: systems.id }).from(systems).where(eq(systems.slug, system));
    if (!consumer) throw new NotFound(`system "${system}"`);
    const environmentId = await environmentIdOf(environment);
    const held = await db
      .select({ contractId: subscriptions.contractId, contract: contracts.slug, range: subscriptions.range, operations: subscriptions.operations })
      .from(subscriptions)
      .innerJoin(contracts, eq(contracts.id, subscriptions.contractId))
      .where(and(eq(subscriptions.consumerSystemId, consumer.id), eq(subscriptions.status, 'approved')));
    // Traffic names consumers, not subscriptions: every contract deployed in the environment may have seen this one.
    const deployedThere = await db.selectDistinct({ contractId: deployments.contractId, contract: contracts.slug }).from(deployments).innerJoin(contracts, eq(contracts.id, deployments.contractId)).where(eq(deployments.environmentId, environmentId));
    const involved = new Map([...deployedThere, ...held].map((c) => [c.contractId, c.contract]));
    const now = clock.now();
    const reasons: CanIDeploy['reasons'] = [];
    for (const [contractId, contract] of [...involved].sort(([, a], [, b]) => a.localeCompare(b))) {
      const settings = await usageSettingsOf(db, contractId);
      const excluded = settings.exclusions.some((e) => e.consumer === system);
      const observed = excluded || !observedUsage ? [] : (await observedUsage(db, { contractId, from: new Date(now.getTime() - settings.days * DAY_MS), to: now, environmentId })).filter((o) => o.consumer === system && o.requests >= settings.threshold);
      const subscriptionsHeld = held.filter((h) => h.contractId === contractId);
      if (subscriptionsHeld.length === 0 && observed.length === 0) continue;
      const current = await deployedIn(contractId, environmentId);
      if (!current) {
        reasons.push({ answer: 'unknown', contract, consumer: system, message: `${system} subscribes to "${contract}", which has no deployment recorded in ${environment}` });
        continue;
      }
      const admitting = subscriptionsHeld.find((s) => semver.satisfies(current.version, s.range, { includePrerelease: true }));
      if (subscriptionsHeld.length > 0 && !admitting) {
        reasons.push({ answer: 'no', contract, consumer: system, message: `${contract} ${current.version} runs in ${environment}, outside the range ${subscriptionsHeld.map((s) => s.range).join(' or ')} ${system} subscribes to` });
        continue;
      }
      const offered = new Set(current.operations.map((o) => operationMatchKey(o.key)));
      const needed = [...new Set([...(admitting?.operations ?? []), ...observed.map((o) => o.operation)])];
      const missing = needed.filter((o) => !offered.has(operationMatchKey(o))).sort();
      if (missing.length > 0) {
        const seen = missing.map((m) => observed.find((o) => o.operation === m)).filter((o) => o !== undefined);
        const calls = seen.length > 0 ? `; observed calling ${seen.map((o) => `${o.operation} (last ${o.lastSeenAt.toISOString()})`).join(', ')}` : '';
        reasons.push({ answer: 'no', contract, consumer: system, message: `${contract} ${current.version} in ${environment} has no ${missing.join(', ')}, which ${system} uses${calls}` });
      } else {
        reasons.push({ answer: 'yes', contract, consumer: system, message: `${contract} ${current.version} in ${environment} offers every operation ${system} uses (${needed.length})` });
      }
    }
    if (reasons.length === 0) reasons.push({ answer: 'yes', contract: null, consumer: system, message: `${system} neither subscribes to nor was seen calling any contract in ${environment}` });
    return { answer: overall(reasons), environment, reasons: ordered(reasons) };
  }

  return {
    async ask(question: CanIDeployQuestion): Promise<CanIDeploy> {
      return 'system' in question ? asConsumer(question) : asProvider(question);
    },
  };
}

const describeUse = (used: readonly { declared: boolean; operation: string; requests: number | null; lastSeenAt: string | null }[], days: number) => {
  const declared = used.some((u) => u.declared);
  const observed = used.filter((u) => u.requests !== null);
  const last = observed.map((u) => u.lastSeenAt!).sort().at(-1);
  const seen = observed.length > 0 ? `observed ${plural(observed.reduce((n, u) => n + u.requests!, 0), 'request')} in ${plural(days, 'day')}, last ${last}` : '';
  return [declared ? 'subscribed' : '', seen].filter(Boolean).join(', ');
};

const overall = (reasons: readonly { answer: DeployAnswer }[]): DeployAnswer => (reasons.some((r) => r.answer === 'no') ? 'no' : reasons.some((r) => r.answer === 'unknown') ? 'unknown' : 'yes');
const RANK: Record<DeployAnswer, number> = { no: 0, unknown: 1, yes: 2 };
const ordered = <R extends { answer: DeployAnswer }>(reasons: R[]) => [...reasons].sort((a, b) => RANK[a.answer] - RANK[b.answer]);

