import { and, desc, eq, sql } from 'drizzle-orm';
import { tables } from '../db/index.js';
import { NotFound } from '../shared/index.js';
import type { Operation } from '../spec/index.js';
import { readPageRequest, toPage } from './page.js';
import type { Page, PageRequest, RegistryDeps, Version, VersionSummary } from './registry-types.js';
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
};

export function createVersions({ db }: RegistryDeps) {
  async function contractIdOf(slug: string): Promise<string> {
    const [row] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, slug));
    if (!row) throw new NotFound(`contract "${slug}"`);
    return row.id;
  }

  return {
    /** Newest first, by semantic-version precedence. */
    async list(contract: string, page: PageRequest): Promise<Page<VersionSummary>> {
      const { limit, after } = readPageRequest<number>(page);
      const contractId = await contractIdOf(contract);
      const offset = after ?? 0;
      const rows = await db
        .select(summaryColumns)
        .from(versions)
        .innerJoin(contracts, eq(contracts.id, versions.contractId))
        .where(eq(versions.contractId, contractId))
        .orderBy(desc(versions.major), desc(versions.minor), desc(versions.patch), sql`${versions.prerelease} is null desc`, desc(versions.publishedAt))
        .limit(limit + 1)
        .offset(offset);
      return toPage(rows, limit, () => offset + limit, (r) => r);
    },

    /** One version with its documents; `latest` names the newest stable version. */
    async get(contract: string, version: string, { withDocuments = true } = {}): Promise<Version> {
      const contractId = await contractIdOf(contract);
      const wanted = version === 'latest' ? latestVersionOf(sql`${contractId}::uuid`) : sql`${version}`;
      const [row] = await db
        .select({
          ...summaryColumns,
          operations: versions.operations,
          findings: versions.findings,
          document: withDocuments ? versions.document : sql<null>`null`,
          source: withDocuments ? versions.source : sql<string>`''`,
          sourceFormat: versions.sourceFormat,
        })
        .from(versions)
        .innerJoin(contracts, eq(contracts.id, versions.contractId))
        .where(and(eq(versions.contractId, contractId), sql`${versions.version} = ${wanted}`));
      if (!row) throw new NotFound(version === 'latest' ? `a published version of contract "${contract}"` : `version ${version} of contract "${contract}"`);
      return { ...row, operations: row.operations as Operation[], findings: row.findings as unknown[] };
    },
  };
}

export type Versions = ReturnType<typeof createVersions>;
