import { and, eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_COMPATIBILITY_MODE, isCompatibilityMode, selectBaselines, type CandidateCheck, type CompatibilityMode, type LevelOverrides } from '../compat/index.js';
import { tables, type Db } from '../db/index.js';
import { affectedConsumers, type AffectedConsumer } from './affected-consumers.js';
import type { RegistryDeps } from './registry-types.js';
import { activeWaivers } from './waivers.js';

const { versions } = tables;

export interface CheckTarget {
  contractId: string;
  compatibilityMode: string;
  ruleLevels: unknown;
}

export interface PublishedCheck extends CandidateCheck {
  affectedConsumers: AffectedConsumer[];
  /** Names what the verdict rests on (mode, levels, versions read, waivers), so a publish can tell whether it changed meanwhile. */
  baseline: string;
}

/**
 * Runs the compatibility check of a candidate against a contract's published versions in the
 * worker pool, reading only the documents the mode needs: the previous version, and for
 * transitive modes the earlier versions of the candidate's compatible line. No lock is held meanwhile; `baselineOf` lets a publish confirm, under its
 * lock, that the versions it was checked against are still the ones that precede it.
 */
export async function checkAgainstPublished(
  db: Db,
  { clock, compatibility, checker }: Pick<RegistryDeps, 'clock' | 'compatibility' | 'checker'>,
  contract: CheckTarget,
  candidateJson: string,
  version: string | undefined,
): Promise<PublishedCheck> {
  const mode = modeOf(contract);
  const now = clock.now();
  const needed = await baselineVersions(db, contract.contractId, mode, version);
  const waivers = await activeWaivers(db, contract.contractId, now);
  const documents =
    needed.length === 0
      ? []
      : await db
          .select({ version: versions.version, json: sql<string>`${versions.document}::text` })
          .from(versions)
          .where(and(eq(versions.contractId, contract.contractId), inArray(versions.id, needed.map((v) => v.id))));
  const check = await checker.check({
    candidateJson,
    version,
    mode,
    published: documents,
    levels: (contract.ruleLevels ?? {}) as LevelOverrides,
    now,
    minDeprecationDays: compatibility?.minDeprecationDays,
    waivers,
  });
  // Existing consumers are clients of earlier versions: only what breaks them backward concerns them.
  const backward = check.findings.filter((f) => f.direction === 'backward');
  return { ...check, affectedConsumers: await affectedConsumers(db, contract.contractId, backward, version), baseline: keyOf(contract, needed, waivers) };
}

/** The same key `checkAgainstPublished` returned, read again (inside a publish's transaction). */
export async function baselineOf(tx: Db, contract: CheckTarget, version: string, now: Date): Promise<string> {
  return keyOf(contract, await baselineVersions(tx, contract.contractId, modeOf(contract), version), await activeWaivers(tx, contract.contractId, now));
}

async function baselineVersions(db: Db, contractId: string, mode: CompatibilityMode, version: string | undefined): Promise<{ id: string; version: string }[]> {
  const all = await db.select({ id: versions.id, version: versions.version }).from(versions).where(eq(versions.contractId, contractId));
  const wanted = new Set(selectBaselines(all.map((v) => v.version), mode, version).versions);
  return all.filter((v) => wanted.has(v.version));
}

const modeOf = (contract: CheckTarget): CompatibilityMode => (isCompatibilityMode(contract.compatibilityMode) ? contract.compatibilityMode : DEFAULT_COMPATIBILITY_MODE);
// The mode, the levels and the waivers decide the verdict as much as the versions do.
const keyOf = (contract: CheckTarget, baseline: { id: string }[], waivers: { id: string }[]) =>
  `${modeOf(contract)} ${JSON.stringify(contract.ruleLevels ?? {})} ${baseline.map((v) => v.id).sort().join(',')} ${waivers.map((w) => w.id).sort().join(',')}`;
