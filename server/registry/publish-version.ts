import { eq } from 'drizzle-orm';
import semver from 'semver';
import { recordAuditEvent } from '../audit/index.js';
import { storableJson, type Db } from '../db/index.js';
import { isBlocking, reportedFinding } from '../compat/index.js';
import { NotFound, PublishBlocked, describeActor, newId, plural, type Actor } from '../shared/index.js';
import { baselineOf, checkAgainstPublished, type PolicyRulesetOf, type PublishedCheck } from './check-against-published.js';
import { assertPublishable, retired, siblingsOf } from './assert-publishable.js';
import { documentRejected } from './document-rejected.js';
import { parseSemver } from './parse-semver.js';
import { publishedEvent } from './published-event.js';
import { ownerOfContract } from './owner-of.js';
import type { PublishedVersion, RegistryDeps } from './registry-types.js';
import type { Versions } from './versions.js';
import { contracts, versions } from './registry.tables.js';

export interface PublishInput {
  contract: string;
  version: string;
  /** YAML or JSON text, or raw bytes (checked to be UTF-8). Must be self-contained. */
  document: string | Uint8Array;
}

export interface PublishResult {
  /** False when the same version with identical content already existed: publishing is idempotent. */
  created: boolean;
  version: PublishedVersion;
}

/**
 * Publishes an immutable version. Parsing and the compatibility check run in the worker pool,
 * outside any transaction; then one transaction locks the contract row, so concurrent publishes of
 * one contract (from any number of Accord instances) are decided one after another: exactly one
 * writer creates a version, identical repeats succeed, different content for a taken version is a
 * conflict. Should another version land between the check and the lock, the check is run again
 * against the new state rather than trusted, under the lock once optimism has failed a few times.
 */
export async function publishVersion(deps: RegistryDeps & { versions: Versions; policyRulesetOf: PolicyRulesetOf }, input: PublishInput, actor: Actor): Promise<PublishResult> {
  const { db, clock, specs } = deps;
  const parsed = parseSemver(input.version);
  // Cheap refusals first, so no worker time is spent on a publish that cannot succeed; the
  // transaction below checks again under the lock.
  const [target] = await db.select().from(contracts).where(eq(contracts.slug, input.contract));
  if (!target) throw new NotFound(`contract "${input.contract}"`);
  await deps.access.assert(db, actor, 'contract.publish', (await ownerOfContract(db, input.contract)).teamId);
  if (target.lifecycle === 'retired') throw retired(input.contract);
  const caller = describeActor(actor);
  const spec = await specs.load(input.document, { caller, validity: target.validity });
  if (!spec.ok) throw documentRejected(spec);
  const ruleset = await deps.policyRulesetOf(input.contract);

  for (let attempt = 1; ; attempt++) {
    const [contract] = await db.select().from(contracts).where(eq(contracts.id, target.id));
    if (!contract) throw new NotFound(`contract "${input.contract}"`);
    if (assertPublishable(contract, await siblingsOf(db, contract.id), input, spec, parsed) === 'repeat') return unchanged(deps, input);
    const check = await checkAgainstPublished(db, deps, checkTarget(contract), spec, input.version, ruleset, { caller });
    if (check.failed) throw blocked(input.contract, input.version, check);

    const outcome = await db.transaction(async (tx) => {
      const [locked] = await tx.select().from(contracts).where(eq(contracts.id, target.id)).for('update');
      if (!locked) throw new NotFound(`contract "${input.contract}"`);
      // Decided again under the lock: the contract may have moved, or a role been taken away, since.
      await deps.access.assert(tx, actor, 'contract.publish', (await ownerOfContract(tx, input.contract)).teamId);
      if (assertPublishable(locked, await siblingsOf(tx, locked.id), input, spec, parsed) === 'repeat') return 'repeat';
      let judged = check;
      if ((await baselineOf(tx, checkTarget(locked), input.version, clock.now())) !== check.baseline) {
        if (attempt < OPTIMISTIC_ATTEMPTS) return 'stale';
        // Still racing: check again under the lock, which guarantees progress at the cost of holding it.
        judged = await checkAgainstPublished(tx, deps, checkTarget(locked), spec, input.version, ruleset, { caller });
        if (judged.failed) throw blocked(input.contract, input.version, judged);
      }
      const now = clock.now();
      await tx.insert(versions).values({
        id: newId(now.getTime()),
        contractId: locked.id,
        version: input.version,
        major: parsed.major,
        minor: parsed.minor,
        patch: parsed.patch,
        prerelease: parsed.prerelease.length > 0 ? parsed.prerelease.join('.') : null,
        specKind: spec.kind,
        specVersion: spec.specVersion,
        title: spec.title,
        sourceFormat: spec.format,
        source: typeof input.document === 'string' ? input.document.replace(/^\uFEFF/, '') : Buffer.from(input.document).toString('utf8').replace(/^\uFEFF/, ''),
        document: spec.documentJson,
        contentHash: spec.contentHash,
        sizeBytes: spec.sizeBytes,
        operations: spec.operations,
        findings: storableJson(judged.findings.map(reportedFinding)),
        publishedAt: now,
        publishedBy: describeActor(actor),
      });
      await tx.update(contracts).set({ kind: spec.kind, updatedAt: now }).where(eq(contracts.id, locked.id));
      if (deps.emit) await deps.emit(tx, await publishedEvent(tx, { contractId: locked.id, contract: input.contract, ownerSystemId: locked.systemId, version: input.version, check: judged }));
      await recordAuditEvent(tx, {
        actor,
        action: 'version.published',
        targetType: 'contract',
        targetId: input.contract,
        summary: { version: input.version, contentHash: spec.contentHash, operations: spec.operations.length, findings: judged.summary },
        at: now,
      });
      return 'created';
    });
    if (outcome === 'created') return { created: true, version: await deps.versions.getPublished(input.contract, input.version) };
    if (outcome === 'repeat') return unchanged(deps, input);
  }
}

// Checking without the lock keeps other publishes of the contract waiting only for the insert; a
// version landing meanwhile sends the check round again, and past this many rounds it runs locked.
const OPTIMISTIC_ATTEMPTS = 3;

type ContractRow = typeof contracts.$inferSelect;

const checkTarget = (contract: ContractRow) => ({ contractId: contract.id, compatibilityMode: contract.compatibilityMode, ruleLevels: contract.ruleLevels, lifecycle: contract.lifecycle });

const unchanged = async (deps: { versions: Versions }, input: PublishInput): Promise<PublishResult> => ({ created: false, version: await deps.versions.getPublished(input.contract, input.version) });



function blocked(contract: string, version: string, check: PublishedCheck): PublishBlocked {
  const breaking = check.findings.filter((f) => isBlocking(f));
  const advice = check.semver.satisfied ? '' : `; breaking changes need a new major version, e.g. ${check.semver.suggested}`;
  return new PublishBlocked(`${version} of "${contract}" has ${plural(breaking.length, 'breaking change')} under the ${check.mode} compatibility mode${advice}`, {
    verdict: check.verdict,
    mode: check.mode,
    comparedWith: check.comparedWith,
    semver: check.semver,
    summary: check.summary,
    findings: check.findings.map(reportedFinding),
    affectedConsumers: check.affectedConsumers,
    observedConsumers: check.observedConsumers,
    usage: check.usage,
  });
}
