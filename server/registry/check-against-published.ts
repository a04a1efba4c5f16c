import { and, eq, inArray, sql } from 'drizzle-orm';
import { addPolicyFindings, DEFAULT_COMPATIBILITY_MODE, schemaErrorFindings, isCompatibilityMode, selectBaselines, type CandidateCheck,
  type CheckFinding, type CompatibilityMode, type LevelOverrides, type RecordedDeprecation } from '../compat/index.js';
import type { Db } from '../db/index.js';
import type { SpecDocument } from '../spec/index.js';
import { affectedConsumers, type AffectedConsumer } from './affected-consumers.js';
import { consumersOf } from './consumers-of.js';
import { judgeByUsage, type UsageJudgement } from './judge-by-usage.js';
import { usageSettingsOf } from './usage-settings-of.js';
import { operationDeprecationsOf } from './operation-deprecations-of.js';
import type { RegistryDeps } from './registry-types.js';
import { activeWaivers } from './waivers.js';
import { versions } from './registry.tables.js';

export interface CheckTarget {
  contractId: string;
  compatibilityMode: string;
  ruleLevels: unknown;
  /** Draft contracts report policy errors without being blocked by them. */
  lifecycle: string;
}

/** The policy ruleset a contract is linted with: a name for messages and the text to load. */
export interface PolicyRuleset {
  name: string;
  text: string;
}

/** Finds the policy ruleset a contract is linted with, by the contract's slug. */
export type PolicyRulesetOf = (contract: string) => Promise<PolicyRuleset>;

export interface PublishedCheck extends CandidateCheck, UsageJudgement {
  affectedConsumers: AffectedConsumer[];
  /** Names what the verdict rests on (mode, levels, versions read, waivers), so a publish can tell whether it changed meanwhile. */
  baseline: string;
}

/**
 * Runs the compatibility check of a candidate against a contract's published versions, and lints
 * it with the contract's policy ruleset, both in the worker pool and side by side, reading only
 * the documents the mode needs: the previous version, and for transitive modes the earlier
 * versions of the candidate's compatible line. No lock is held meanwhile; `baselineOf` lets a
 * publish confirm, under its lock, that what the verdict rests on is unchanged.
 */
export async function checkAgainstPublished(
  db: Db,
  { clock, compatibility, checker, linter, shippedRulesets, observedUsage }: Pick<RegistryDeps, 'clock' | 'compatibility' | 'checker' | 'linter' | 'shippedRulesets' | 'observedUsage'>,
  contract: CheckTarget,
  candidate: Pick<SpecDocument, 'documentJson' | 'kind' | 'specVersion'> & Partial<Pick<SpecDocument, 'schemaErrors'>>,
  version: string | undefined,
  ruleset: PolicyRuleset,
  /** Whose check it is, so the worker pool shares its threads fairly (see `describeActor`). */
  { caller }: { caller: string },
): Promise<PublishedCheck> {
  const candidateJson = candidate.documentJson;
  const mode = modeOf(contract);
  const now = clock.now();
  const needed = await baselineVersions(db, contract.contractId, mode, version);
  const waivers = await activeWaivers(db, contract.contractId, now);
  const deprecations = recorded(await operationDeprecationsOf(db, contract.contractId));
  const documents =
    needed.length === 0
      ? []
      : await db
          .select({ version: versions.version, json: sql<string>`${versions.document}::text` })
          .from(versions)
          .where(and(eq(versions.contractId, contract.contractId), inArray(versions.id, needed.map((v) => v.id))));
  const [compatible, policyFindings] = await Promise.all([
    checker.check({
      candidateJson,
      version,
      mode,
      published: documents,
      levels: (contract.ruleLevels ?? {}) as LevelOverrides,
      now,
      minDeprecationDays: compatibility?.minDeprecationDays,
      waivers,
      // Applied in the worker: documents cross to it as text, and parsing them here would cost the
      // event loop what the pool is there to save.
      operationDeprecations: deprecations,
    }, { caller }),
    linter.lint({ documentJson: candidateJson, kind: candidate.kind, specVersion: candidate.specVersion, ruleset, shipped: shippedRulesets }, { caller }),
  ]);
  const linted = addPolicyFindings(compatible, [...schemaErrorFindings(candidate.schemaErrors ?? [], candidate), ...policyFindings], { waivers, gates: contract.lifecycle !== 'draft' });
  // Every observed request counts here (threshold 1): a removal after the sunset wants none at all.
  const settings = await usageSettingsOf(db, contract.contractId);
  const check = judgeByUsage(linted, await consumersOf(db, observedUsage, { contractId: contract.contractId, settings, now, version, threshold: 1 }), settings);
  // Existing consumers are clients of earlier versions: only what breaks them backward concerns them.
  const backward = check.findings.filter((f): f is CheckFinding => f.source === 'compatibility' && f.direction === 'backward');
  return { ...check, affectedConsumers: await affectedConsumers(db, contract.contractId, backward, version), baseline: keyOf(contract, needed, waivers, deprecations) };
}

/** The same key `checkAgainstPublished` returned, read again (inside a publish's transaction). */
export async function baselineOf(tx: Db, contract: CheckTarget, version: string, now: Date): Promise<string> {
  return keyOf(contract, await baselineVersions(tx, contract.contractId, modeOf(contract), version), await activeWaivers(tx, contract.contractId, now), recorded(await operationDeprecationsOf(tx, contract.contractId)));
}

async function baselineVersions(db: Db, contractId: string, mode: CompatibilityMode, version: string | undefined): Promise<{ id: string; version: string }[]> {
  const all = await db.select({ id: versions.id, version: versions.version }).from(versions).where(eq(versions.contractId, contractId));
  const wanted = new Set(selectBaselines(all.map((v) => v.version), mode, version).versions);
  return all.filter((v) => wanted.has(v.version));
}

const recorded = (rows: { operation: string; sunsetAt: Date }[]): RecordedDeprecation[] => rows.map((row) => ({ operation: row.operation, sunsetAt: row.sunsetAt.toISOString() }));
const modeOf = (contract: CheckTarget): CompatibilityMode => (isCompatibilityMode(contract.compatibilityMode) ? contract.compatibilityMode : DEFAULT_COMPATIBILITY_MODE);
// The mode, the levels, the lifecycle, the waivers and the operations deprecated through the
// registry decide the verdict as much as the versions do.
// A ruleset assigned while a publish is being checked applies from the next publish on.
const keyOf = (contract: CheckTarget, baseline: { id: string }[], waivers: { id: string }[], deprecations: RecordedDeprecation[]) =>
  JSON.stringify([modeOf(contract), contract.ruleLevels ?? {}, contract.lifecycle, baseline.map((v) => v.id).sort(), waivers.map((w) => w.id).sort(), deprecations]);
