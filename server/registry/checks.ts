import { and, count, desc, eq, lt } from 'drizzle-orm';
import semver from 'semver';
import { addVersionFinding, isBlocking, reportedFinding, type CandidateCheck, type ReportedFinding, type CandidateFinding } from '../compat/index.js';
import { storableJson } from '../db/index.js';
import { NotFound, describeActor, newId, type Actor } from '../shared/index.js';
import type { Validity } from '../spec/index.js';
import { assertSameKind, retired, siblingsOf } from './assert-publishable.js';
import { documentRejected } from './document-rejected.js';
import type { AffectedConsumer } from './affected-consumers.js';
import type { UsageJudgement } from './judge-by-usage.js';
import { checkAgainstPublished, type PolicyRulesetOf } from './check-against-published.js';
import { contractIdOf } from './contract-id-of.js';
import { idCursor, readPageRequest, toPage } from './page.js';
import { parseSemver } from './parse-semver.js';
import { versionFinding } from './version-finding.js';
import { versionStanding } from './version-standing.js';
import { ownerOfContract } from './owner-of.js';
import type { Page, PageRequest, RegistryDeps } from './registry-types.js';
import { checks, contracts } from './registry.tables.js';

export interface CheckInput {
  contract: string;
  /** The version the candidate would be published as; without one the check suggests it. */
  version?: string;
  document: string | Uint8Array;
  /** This check's validity level instead of the contract's. */
  validity?: Validity;
}

/** A stored check: the candidate's compatibility report, never a version. */
export interface Check extends Omit<CandidateCheck, 'findings'>, UsageJudgement {
  id: string;
  contract: string;
  version: string | null;
  contentHash: string;
  findings: ReportedFinding<CandidateFinding>[];
  /** Approved consumers whose subscribed operations the findings reach. */
  affectedConsumers: AffectedConsumer[];
  createdAt: Date;
  createdBy: string;
}

type StoredReport = Omit<Check, 'id' | 'contract' | 'version' | 'contentHash' | 'createdAt' | 'createdBy'>;

export function createChecks(deps: RegistryDeps & { policyRulesetOf: PolicyRulesetOf }) {
  const { db, clock, specs } = deps;
  const columns = {
    id: checks.id,
    contract: contracts.slug,
    version: checks.version,
    contentHash: checks.contentHash,
    report: checks.report,
    createdAt: checks.createdAt,
    createdBy: checks.createdBy,
  };
  const toCheck = ({ report, ...row }: { report: unknown } & Omit<Check, keyof StoredReport>): Check => ({ ...row, ...(report as StoredReport) });

  return {
    /** Checks a candidate against the published versions under the contract's mode, and records the run. */
    async run(input: CheckInput, actor: Actor): Promise<Check> {
      const parsed = input.version === undefined ? undefined : parseSemver(input.version);
      const [contract] = await db.select().from(contracts).where(eq(contracts.slug, input.contract));
      if (!contract) throw new NotFound(`contract "${input.contract}"`);
      // Refused before any worker time is spent; decided again where the check is recorded.
      await deps.access.assert(db, actor, 'check.run', (await ownerOfContract(db, input.contract)).teamId);
      if (contract.lifecycle === 'retired') throw retired(input.contract);
      const caller = describeActor(actor);
      const spec = await specs.load(input.document, { caller, validity: input.validity ?? contract.validity });
      if (!spec.ok) throw documentRejected(spec);
      assertSameKind(contract, spec, input.contract);
      // A version number the publish would refuse is about the candidate, not the request: the
      // check still answers what the change does, judged against the latest version of its line
      // as the next patch would be, and reports the number as one more failing finding.
      const standing = parsed ? versionStanding(await siblingsOf(db, contract.id), { version: parsed.version, contentHash: spec.contentHash }) : undefined;
      const refused = standing?.kind === 'taken' || standing?.kind === 'behind' ? standing : undefined;
      const comparedAs = refused ? semver.inc(refused.latestOfLine, 'patch')! : input.version;
      const { baseline: _baseline, ...checked } = await checkAgainstPublished(db, deps, { contractId: contract.id, compatibilityMode: contract.compatibilityMode, ruleLevels: contract.ruleLevels, lifecycle: contract.lifecycle }, spec, comparedAs, await deps.policyRulesetOf(input.contract), { caller });
      const report = refused
        ? { ...addVersionFinding(checked, versionFinding(refused, { contract: input.contract, version: input.version!, suggested: checked.semver.suggested })), affectedConsumers: checked.affectedConsumers, usage: checked.usage, observedConsumers: checked.observedConsumers, semver: { ...checked.semver, claimed: null } }
        : checked;
      const stored: StoredReport = { ...report, findings: report.findings.map(reportedFinding) };
      const now = clock.now();
      const id = newId(now.getTime());
      await db.transaction(async (tx) => {
        const owner = await ownerOfContract(tx, { id: contract.id });
        await deps.access.assert(tx, actor, 'check.run', owner.teamId);
        await tx.insert(checks).values({ id, contractId: contract.id, version: input.version ?? null, contentHash: spec.contentHash, verdict: report.verdict, report: storableJson(stored), createdAt: now, createdBy: describeActor(actor) });
        // Only a failing verdict is news to the owner: passing checks run on every pull request.
        if (report.verdict !== 'fail' || !deps.emit) return;
        const gating = report.findings.filter((f) => isBlocking(f));
        await deps.emit(tx, {
          type: 'check.failed',
          contractId: contract.id,
          contract: input.contract,
          ownerSystemId: owner.systemId,
          checkId: id,
          version: input.version ?? null,
          verdict: 'fail',
          summary: { breaking: gating.filter((f) => f.source === 'compatibility').length, policy: gating.filter((f) => f.source === 'policy').length },
        });
      });
      return { id, contract: input.contract, version: input.version ?? null, contentHash: spec.contentHash, ...stored, createdAt: now, createdBy: describeActor(actor) };
    },

    async get(contract: string, id: string): Promise<Check> {
      const parsed = idCursor.safeParse(id);
      const [row] = parsed.success ? await db.select(columns).from(checks).innerJoin(contracts, eq(contracts.id, checks.contractId)).where(and(eq(contracts.slug, contract), eq(checks.id, parsed.data))) : [];
      if (!row) throw new NotFound(`check ${id} of contract "${contract}"`);
      return toCheck(row);
    },

    /** Newest first. */
    async list(contract: string, page: PageRequest): Promise<Page<Check>> {
      const { limit, after } = readPageRequest(page, idCursor);
      const [target] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, contract));
      if (!target) throw new NotFound(`contract "${contract}"`);
      const rows = await db
        .select(columns)
        .from(checks)
        .innerJoin(contracts, eq(contracts.id, checks.contractId))
        .where(and(eq(checks.contractId, target.id), after === undefined ? undefined : lt(checks.id, after)))
        .orderBy(desc(checks.id))
        .limit(limit + 1);
      return toPage(rows, limit, (r) => r.id, toCheck);
    },

    async count(contract: string): Promise<number> {
      const [row] = await db.select({ n: count() }).from(checks).where(eq(checks.contractId, await contractIdOf(db, contract)));
      return row!.n;
    },
  };
}

export type Checks = ReturnType<typeof createChecks>;
