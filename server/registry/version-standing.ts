import semver from 'semver';

export type Sibling = { version: string; contentHash: string };

/**
 * Where a candidate's version number stands among the published versions of its contract: `new`,
 * a `repeat` of a version with the same content, `taken` by a version with other content, or
 * `behind` the latest of its major line. The refused kinds name that latest, which a check then
 * compares the candidate with as the version it would follow once renumbered.
 */
export type VersionStanding = { kind: 'new' } | { kind: 'repeat' } | { kind: 'taken'; latestOfLine: string } | { kind: 'behind'; latestOfLine: string };

export function versionStanding(siblings: readonly Sibling[], candidate: { version: string; contentHash: string }): VersionStanding {
  const parsed = semver.parse(candidate.version)!;
  const sameMajor = siblings.map((s) => s.version).filter((v) => semver.major(v) === parsed.major);
  const latestOfLine = semver.maxSatisfying(sameMajor, '*', { includePrerelease: true });
  const same = siblings.find((s) => s.version === candidate.version);
  if (same) return same.contentHash === candidate.contentHash ? { kind: 'repeat' } : { kind: 'taken', latestOfLine: latestOfLine! };
  if (latestOfLine && semver.lte(candidate.version, latestOfLine)) return { kind: 'behind', latestOfLine };
  return { kind: 'new' };
}
