import { eq } from 'drizzle-orm';
import semver from 'semver';
import { changelogSections, type ChangelogSections, type CheckFinding, type ReportedFinding } from '../compat/index.js';
import { NotFound } from '../shared/index.js';
import { contractIdOf } from './contract-id-of.js';
import type { RegistryDeps } from './registry-types.js';
import { versions } from './registry.tables.js';

export type ChangelogFinding = ReportedFinding<CheckFinding>;

/** What changed in one version since the one before it, sorted for a human reader. */
export interface ChangelogEntry extends ChangelogSections<ChangelogFinding> {
  version: string;
  previous: string | null;
  publishedAt: Date;
  publishedBy: string;
  /** The document changed but no rule saw a change clients could notice: descriptions, examples, order. */
  documentationOnly: boolean;
}

export function createChangelog({ db }: RegistryDeps) {
  /** Every version of a contract, newest first; findings were stored when each was published. */
  async function entries(contract: string): Promise<ChangelogEntry[]> {
    const contractId = await contractIdOf(db, contract);
    const rows = await db
      .select({ version: versions.version, contentHash: versions.contentHash, findings: versions.findings, publishedAt: versions.publishedAt, publishedBy: versions.publishedBy })
      .from(versions)
      .where(eq(versions.contractId, contractId));
    const ordered = rows.sort((a, b) => semver.rcompare(a.version, b.version));
    return ordered.map((row, i) => {
      // The version this one was checked against when published: the highest lower one that
      // existed then. A maintenance release of an older line published later is not it.
      const before = ordered.slice(i + 1).find((older) => older.publishedAt <= row.publishedAt);
      const previous = before?.version ?? null;
      // Transitive modes also store findings against older versions; the changelog is about the step.
      // Policy findings judge a document, not a step; versions stored before sources were named are all compatibility findings.
      const step = (row.findings as (ChangelogFinding | { source: 'policy' })[]).filter((f): f is ChangelogFinding => f.source !== 'policy' && f.direction !== 'forward' && previous !== null && f.against.includes(previous));
      const documentationOnly = before !== undefined && step.length === 0 && before.contentHash !== row.contentHash;
      return { version: row.version, previous, publishedAt: row.publishedAt, publishedBy: row.publishedBy, ...changelogSections(step), documentationOnly };
    });
  }

  return {
    entries,
    async entry(contract: string, version: string): Promise<ChangelogEntry> {
      const all = await entries(contract);
      const wanted = version === 'latest' ? (all.find((e) => semver.prerelease(e.version) === null) ?? all[0]) : all.find((e) => e.version === version);
      if (!wanted) throw new NotFound(`version ${version} of contract "${contract}"`);
      return wanted;
    },
  };
}

export type Changelog = ReturnType<typeof createChangelog>;
