import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { NotFound } from '../shared/index.js';
import type { Operation } from '../spec/index.js';
import { contractIdOf } from './contract-id-of.js';
import { encodeCursor, idCursor, readPageRequest, toPage } from './page.js';
import type { Page, PageRequest, PublishedVersion, RegistryDeps, Version, VersionSummary } from './registry-types.js';
import { latestVersionOf } from './contracts.js';
import { contracts, versions } from './registry.tables.js';

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

type VersionRow = VersionSummary & { id: string; major: number; minor: number; patch: number; isRelease: boolean };
const keyOf = (r: VersionRow) => [r.major, r.minor, r.patch, r.isRelease, r.id];
const summaryOf = ({ id: _id, major: _major, minor: _minor, patch: _patch, isRelease: _isRelease, ...summary }: VersionRow): VersionSummary => summary;

export function createVersions({ db }: RegistryDeps) {
  return {
    /** Newest first, by semantic-version precedence; a release sorts above its pre-releases. */
    async list(contract: string, page: PageRequest): Promise<Page<VersionSummary>> {
      const { rows, limit } = await listRows(contract, page);
      return toPage(rows, limit, keyOf, summaryOf);
    },

    /** As `list`, with the cursor of every version, for clients that resume after any of them. */
    async edges(contract: string, page: PageRequest): Promise<Page<{ cursor: string; node: VersionSummary }>> {
      const { rows, limit } = await listRows(contract, page);
      return toPage(rows, limit, keyOf, (row) => ({ cursor: encodeCursor(keyOf(row)), node: summaryOf(row) }));
    },

    async count(contract: string): Promise<number> {
      const [row] = await db.select({ n: count() }).from(versions).where(eq(versions.contractId, await contractIdOf(db, contract)));
      return row?.n ?? 0;
    },

    /** Several versions without their documents in one read, for edges that batch; unknown ones are left out. */
    async getPublishedMany(wanted: readonly { contract: string; version: string }[]): Promise<PublishedVersion[]> {
      if (wanted.length === 0) return [];
      const rows = await db
        .select(publishedColumns)
        .from(versions)
        .innerJoin(contracts, eq(contracts.id, versions.contractId))
        .where(and(inArray(contracts.slug, [...new Set(wanted.map((w) => w.contract))]), inArray(versions.version, [...new Set(wanted.map((w) => w.version))])));
      const asked = new Set(wanted.map((w) => `${w.contract}@${w.version}`));
      return rows.filter((r) => asked.has(`${r.contract}@${r.version}`)).map((row) => ({ ...row, operations: row.operations as Operation[], findings: row.findings as unknown[] }));
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

  async function listRows(contract: string, page: PageRequest) {
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
    return { rows, limit };
  }

  async function versionCondition(contract: string, version: string) {
    const contractId = await contractIdOf(db, contract);
    const wanted = version === 'latest' ? latestVersionOf(sql`${contractId}::uuid`) : sql`${version}`;
    return and(eq(versions.contractId, contractId), sql`${versions.version} = ${wanted}`);
  }
}

const missing = (contract: string, version: string) =>
  new NotFound(version === 'latest' ? `a published version of contract "${contract}"` : `version ${version} of contract "${contract}"`);

export type Versions = ReturnType<typeof createVersions>;
