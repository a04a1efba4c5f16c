import semver from 'semver';
import type { VersionFinding } from '../compat/index.js';
import type { VersionStanding } from './version-standing.js';

/**
 * What a check reports when the publish would refuse the candidate's version number: an error
 * finding with a stable rule id, saying which version stands in the way and which number to take
 * instead (`suggested`: the check's advice for the changes found against that version).
 */
export function versionFinding(standing: Extract<VersionStanding, { kind: 'taken' | 'behind' }>, { contract, version, suggested }: { contract: string; version: string; suggested: string }): VersionFinding {
  const common = { level: 'error' as const, source: 'version' as const, operations: [], pointer: '/info/version' };
  if (standing.kind === 'taken') {
    return {
      ...common,
      id: 'version-already-published',
      message: `version ${version} of "${contract}" is already published with other content; bump the version, to ${suggested} for these changes`,
      why: `Published versions are immutable: whoever fetched ${version} must keep getting the same document, so other content needs a new version number.`,
    };
  }
  return {
    ...common,
    id: 'version-behind-latest',
    message: `${version} is not greater than ${standing.latestOfLine}, the latest ${semver.major(version)}.x version of "${contract}"; bump the version, to ${suggested} for these changes`,
    why: `A new version must come after the latest of its major line, or ranges such as ^${semver.major(version)} and "latest" would never reach it.`,
  };
}
