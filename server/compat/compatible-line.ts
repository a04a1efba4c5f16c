import semver from 'semver';

/**
 * Whether two versions promise compatibility with each other: both releases of the same major, or
 * of the same minor within 0.x, where semver promises nothing across minors. A pre-release
 * promises nothing at all, to its predecessors or to its release.
 */
export function compatibleLine(a: string, b: string): boolean {
  const [x, y] = [semver.parse(a)!, semver.parse(b)!];
  if (x.prerelease.length > 0 || y.prerelease.length > 0) return false;
  return x.major === y.major && (x.major !== 0 || x.minor === y.minor);
}
