import { eq } from 'drizzle-orm';
import type semver from 'semver';
import type { Db } from '../db/index.js';
import { Conflict, InvalidInput, withArticle } from '../shared/index.js';
import type { SpecDocument } from '../spec/index.js';
import { versionStanding, type Sibling } from './version-standing.js';
import { contracts, versions } from './registry.tables.js';

type ContractRow = Pick<typeof contracts.$inferSelect, 'lifecycle' | 'kind'>;

const KIND_NAMES = { openapi: 'OpenAPI', asyncapi: 'AsyncAPI' } as const;

export const siblingsOf = (db: Db, contractId: string): Promise<Sibling[]> =>
  db.select({ version: versions.version, contentHash: versions.contentHash }).from(versions).where(eq(versions.contractId, contractId));

/** A contract holds documents of one kind, fixed by its first version. */
export function assertSameKind(contract: Pick<ContractRow, 'kind'>, spec: SpecDocument, slug: string): void {
  if (contract.kind !== null && contract.kind !== spec.kind) {
    const [holds, given] = [KIND_NAMES[contract.kind], KIND_NAMES[spec.kind]];
    throw new InvalidInput(`contract "${slug}" holds ${holds} documents and this one is ${given}; publish it to ${withArticle(given)} contract`, [{ pointer: '/document', message: `expected ${withArticle(holds)} document` }], 'kind-mismatch');
  }
}

export const retired = (slug: string) => new Conflict('contract-retired', `contract "${slug}" is retired and accepts no new versions`);

/**
 * What the contract's state says about publishing `version` with this document, before any
 * compatibility question: `repeat` for the same version with the same content, a thrown refusal
 * for anything that cannot succeed. A check meets the same standing as a finding instead
 * (`versionFinding`), so CI learns of a stale version number before the publish does.
 */
export function assertPublishable(contract: ContractRow, siblings: Sibling[], input: { contract: string; version: string }, spec: SpecDocument, parsed: semver.SemVer): 'repeat' | undefined {
  if (contract.lifecycle === 'retired') throw retired(input.contract);
  assertSameKind(contract, spec, input.contract);
  const standing = versionStanding(siblings, { version: input.version, contentHash: spec.contentHash });
  switch (standing.kind) {
    case 'repeat':
      return 'repeat';
    case 'taken':
      throw new Conflict('version-conflict', `version ${input.version} of "${input.contract}" already exists with different content; versions are immutable, publish a new version`, [
        { pointer: '/version', message: 'already published with other content' },
      ]);
    case 'behind':
      throw new Conflict('version-order', `${input.version} is not greater than ${standing.latestOfLine}, the latest ${parsed.major}.x version of "${input.contract}"`, [
        { pointer: '/version', message: `must be greater than ${standing.latestOfLine}` },
      ]);
    case 'new':
      return undefined;
  }
}
