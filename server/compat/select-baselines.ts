import semver from 'semver';
import { compatibleLine } from './compatible-line.js';
import type { CompatibilityMode } from './compatibility-mode.js';

export interface Baselines {
  /** The version the candidate succeeds, which the changelog and the semver advice are about. */
  previous?: string;
  /** Every version the mode compares the candidate with, newest first. */
  versions: string[];
}

/**
 * The published versions a candidate is compared with: the one it succeeds, that is the highest
 * below its version or, without a version, the latest release (a pre-release only when nothing
 * was released, as `latest` means everywhere else); for *_TRANSITIVE modes also every earlier
 * version of the compatible line the candidate belongs to.
 */
export function selectBaselines(published: readonly string[], mode: CompatibilityMode, version?: string): Baselines {
  const earlier = published.filter((v) => version === undefined || semver.lt(v, version)).sort(semver.rcompare);
  const previous = (version === undefined ? earlier.find((v) => semver.prerelease(v) === null) : undefined) ?? earlier[0];
  if (previous === undefined) return { versions: [] };
  if (!mode.endsWith('_TRANSITIVE')) return { previous, versions: [previous] };
  const line = version ?? previous;
  return { previous, versions: earlier.filter((v) => v === previous || compatibleLine(v, line)) };
}
