import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '../db/index.js';
import { NotFound } from '../shared/index.js';
import type { Operation } from '../spec/index.js';
import { contractIdOf } from './contract-id-of.js';
import { idCursor, readPageRequest, toPage } from './page.js';
import type { Page, PageRequest, PublishedVersion, RegistryDeps, Version, VersionSummary } from './registry-types.js';
import { latestVersionOf } from './contracts.js';

const { contracts, versions } = tables;

const summaryColumns = {
  contract: contracts.slug,
  version: versions.version,
  specKind: versions.specKind,
  specVersion: versions.specVersion,
  title: versions.title,
  contentHash: versions.contentHash,
  sizeBytes: versions.sizeBytes,
  operationCount: sql<number>`jsonb_array_length(${versions.operations})`.mapWith(Number),
  publishedAt: versions.publishedAt,
  publishedBy: versions.publishedBy,
  deprecatedAt: versions.deprecatedAt,
  sunsetAt: versions.sunsetAt,
  deprecationNote: versions.deprecationNote,
};

const publishedColumns = { ...summaryColumns, operations: versions.operations, findings: versions.findings };

const isRelease = sql<boolean>`(${versions.prerelease} is null)`;
/** [major, minor, patch, isRelease, id]: the sort key of a version, newest first. */
const versionCursor = z.tuple([z.number().int(), z.number().int(), z.number().int(), z.boolean(), idCursor]);

export function createVersions({ db }: RegistryDeps) {
  return {
    /** Newest first, by semantic-version precedence; a release sorts above its pre-releases. */
    async list(contract: string, page: PageRequest): Promise<Page<VersionSummary>> {
      const { limit, after } = readPageRequest(page, versionCursor);
      const contractId = await contractIdOf(db, contract);
      const rows = await db
        .select({ ...summaryColumns, id: versions.id, major: versions.major, minor: versions.minor, patch: versions.patch, isRelease })
        .from(versions)
        .innerJoin(contracts, eq(contracts.id, versions.contractId))
        .where(
          and(
            eq(versions.contractId, contractId),
            after && sql`(${versions.major}, ${versions.minor}, ${versions.patch}, ${isRelease}, ${versions.id}) < (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]}, ${after[4]}::uuid)`,
          ),
        )
        .orderBy(desc(versions.major), desc(versions.minor), desc(versions.patch), desc(isRelease), desc(versions.id))
        .limit(limit + 1);
      return toPage(
        rows,
        limit,
        (r) => [r.major, r.minor, r.patch, r.isRelease, r.id],
        ({ id: _id, major: _major, minor: _minor, patch: _patch, isRelease: _isRelease, ...summary }) => summary,
      );
    },

    /** One version with its documents; `latest` names the newest stable version. */
    async get(contract: string, version: string): Promise<Version> {
      const where = await versionCondition(contract, version);
      const [row] = await db
        .select({ ...publishedColumns, document: versions.document, source: versions.source, sourceFormat: versions.sourceFormat })
        .from(versions)
        .innerJoin(contracts, eq(contracts.id, versions.contractId))
        .where(where);
      if (!row) throw missing(contract, version);
      return { ...row, operations: row.operations as Operation[], findings: row.findings as unknown[] };
    },

    /** One version without its documents, which may be megabytes: what a publish answers. */
    async getPublished(contract: string, version: string): Promise<PublishedVersion> {
      const where = await versionCondition(contract, version);
      const [row] = await db.select(publishedColumns).from(versions).innerJoin(contracts, eq(contracts.id, versions.contractId)).where(where);
      if (!row) throw missing(contract, version);
      return { ...row, operations: row.operations as Operation[], findings: row.findings as unknown[] };
    },
  };

  async function versionCondition(contract: string, version: string) {
    const contractId = await contractIdOf(db, contract);
    const wanted = version === 'latest' ? latestVersionOf(sql`${contractId}::uuid`) : sql`${version}`;
    return and(eq(versions.contractId, contractId), sql`${versions.version} = ${wanted}`);
  }
}

const missing = (contract: string, version: string) =>
  new NotFound(version === 'latest' ? `a published version of contract "${contract}"` : `version ${version} of contract "${contract}"`);

export type Versions = ReturnType<typeof createVersions>;
