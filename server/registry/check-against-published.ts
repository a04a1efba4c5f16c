import { and, eq, inArray } from 'drizzle-orm';
import semver from 'semver';
import { checkCandidate, previousVersion, DEFAULT_COMPATIBILITY_MODE, isCompatibilityMode, type CandidateCheck, type LevelOverrides } from '../compat/index.js';
import { tables, type Db } from '../db/index.js';
import { affectedConsumers, type AffectedConsumer } from './affected-consumers.js';
import type { RegistryDeps } from './registry-types.js';

const { versions } = tables;

export interface CheckTarget {
  contractId: string;
  compatibilityMode: string;
  ruleLevels: unknown;
}

/**
 * Runs the compatibility check of a candidate against a contract's published versions, loading
 * only the documents the mode needs: the previous version, or every earlier one when transitive.
 */
export async function checkAgainstPublished(
  tx: Db,
  { clock, compatibility }: Pick<RegistryDeps, 'clock' | 'compatibility'>,
  contract: CheckTarget,
  candidate: object,
  version: string | undefined,
): Promise<CandidateCheck & { affectedConsumers: AffectedConsumer[] }> {
  const mode = isCompatibilityMode(contract.compatibilityMode) ? contract.compatibilityMode : DEFAULT_COMPATIBILITY_MODE;
  const all = await tx.select({ id: versions.id, version: versions.version }).from(versions).where(eq(versions.contractId, contract.contractId));
  const earlier = all.filter((v) => version === undefined || semver.lt(v.version, version));
  const previous = previousVersion(earlier.map((v) => v.version), version);
  const needed = mode.endsWith('_TRANSITIVE') ? earlier : earlier.filter((v) => v.version === previous);
  const documents =
    needed.length === 0
      ? []
      : await tx
          .select({ version: versions.version, document: versions.document })
          .from(versions)
          .where(and(eq(versions.contractId, contract.contractId), inArray(versions.id, needed.map((v) => v.id))));
  const check = checkCandidate({
    candidate,
    version,
    mode,
    published: documents.map((d) => ({ version: d.version, document: asObject(d.document) })),
    levels: (contract.ruleLevels ?? {}) as LevelOverrides,
    now: clock.now(),
    minDeprecationDays: compatibility?.minDeprecationDays,
  });
  return { ...check, affectedConsumers: await affectedConsumers(tx, contract.contractId, check.findings, version) };
}

// The json column comes back parsed from PostgreSQL and as text from some drivers.
function asObject(document: unknown): object {
  return (typeof document === 'string' ? JSON.parse(document) : document) as object;
}
