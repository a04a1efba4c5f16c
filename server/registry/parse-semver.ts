import semver from 'semver';
import { InvalidInput } from '../shared/index.js';

/**
 * Parses a version as published: strict semver (no `v` prefix, no build metadata, since two
 * versions differing only in build metadata would have equal precedence and confuse ordering).
 */
export function parseSemver(version: string, pointer = '/version'): semver.SemVer {
  const parsed = semver.parse(version);
  if (!parsed || parsed.version !== version || version.length > 64) {
    throw new InvalidInput(`"${version}" is not a semantic version like 1.4.0 or 2.0.0-rc.1 (no "v" prefix, no build metadata)`, [
      { pointer, message: 'expected MAJOR.MINOR.PATCH[-PRERELEASE]' },
    ], 'invalid-version');
  }
  return parsed;
}
