import semver from 'semver';
import { findingFingerprint } from '../shared/index.js';
import type { CompatibilityMode } from './compatibility-mode.js';
import type { DiffOptions } from './diff-documents.js';
import { findBreakingChanges } from './find-breaking-changes.js';
import type { Finding } from './finding.js';
import type { Level } from './rule.js';
import { verdictOf, type FailOn, type VerdictReport } from './verdict-of.js';

export interface PublishedDocument {
  version: string;
  document: object;
}

/** A rule's level for one contract, or `off` to drop the rule for it. */
export type LevelOverrides = Record<string, Level | 'off'>;

export interface CandidateCheckInput extends DiffOptions {
  candidate: object;
  /** The version the candidate would be published as; without one, the check suggests it. */
  version?: string;
  /** Every published version of the contract, in any order. */
  published: readonly PublishedDocument[];
  mode: CompatibilityMode;
  levels?: LevelOverrides;
  failOn?: FailOn;
  /** Approved, unexpired waivers of the contract; a finding with a waived fingerprint does not gate. */
  waivers?: readonly ActiveWaiver[];
}

export interface ActiveWaiver {
  id: string;
  fingerprint: string;
  expiresAt: string;
}

/**
 * `backward`: the earlier version is the base and the candidate the head (old clients, new
 * contract). `forward`: the other way round (new clients, old contract still deployed).
 */
export type CheckDirection = 'backward' | 'forward';

export interface CheckFinding extends Finding {
  direction: CheckDirection;
  /** The published versions this finding was found against. */
  against: string[];
  /**
   * Why an error-level finding does not fail the verdict: the candidate starts a new compatible
   * line (`major-version`), or the contract's mode gates nothing (`mode-none`).
   */
  accepted?: 'major-version' | 'mode-none';
  /** Identifies the finding across versions; a waiver names it. */
  fingerprint: string;
  /** The waiver excusing this finding: still shown, no longer gating. */
  waiver?: { id: string; expiresAt: string };
}

export type Bump = 'major' | 'minor' | 'patch';

export interface SemverAdvice {
  /** The latest published version before the candidate, which the changelog and the bump are relative to. */
  previous: string | null;
  /** The smallest bump the changes since `previous` call for. */
  required: Bump | null;
  /** What the candidate's version claims relative to `previous`; null without a version. */
  claimed: Bump | 'prerelease' | null;
  suggested: string;
  /** False when breaking changes come without the major bump that would announce them. */
  satisfied: boolean;
}

export interface CandidateCheck extends VerdictReport {
  mode: CompatibilityMode;
  /** The versions the candidate was compared with. */
  comparedWith: string[];
  findings: CheckFinding[];
  semver: SemverAdvice;
}

/**
 * Checks a candidate document against the published versions of its contract under the
 * contract's compatibility mode. Breaking changes (error findings) fail the verdict unless the
 * candidate's version starts a new compatible line: a new major, or a new minor while in 0.x,
 * where semver promises no compatibility.
 */
export function checkCandidate(input: CandidateCheckInput): CandidateCheck {
  const { candidate, version, mode, failOn = 'error', levels = {}, published, waivers = [], ...diffOptions } = input;
  const waiverOf = new Map(waivers.map((w) => [w.fingerprint, { id: w.id, expiresAt: w.expiresAt }]));
  const earlier = [...published].filter((p) => version === undefined || semver.lt(p.version, version)).sort((a, b) => semver.rcompare(a.version, b.version));
  const predecessor = previousVersion(earlier.map((p) => p.version), version);
  const previous = earlier.find((p) => p.version === predecessor);
  const transitive = mode.endsWith('_TRANSITIVE');
  const directions: CheckDirection[] = mode.startsWith('FULL') ? ['backward', 'forward'] : mode.startsWith('FORWARD') ? ['forward'] : ['backward'];
  const baselines = !previous ? [] : mode === 'NONE' || !transitive ? [previous] : earlier.filter((p) => p === previous || sameLine(p.version, version ?? previous.version));

  const findings = new Map<string, CheckFinding>();
  for (const baseline of baselines) {
    for (const direction of directions) {
      const [base, head] = direction === 'backward' ? [baseline.document, candidate] : [candidate, baseline.document];
      for (const finding of findBreakingChanges(base, head, { ...diffOptions, levels })) {
        const key = `${direction}\0${finding.id}\0${finding.pointer ?? ''}\0${finding.message}`;
        const known = findings.get(key);
        if (known) known.against.push(baseline.version);
        else {
          const fingerprint = findingFingerprint(finding);
          const waiver = waiverOf.get(fingerprint);
          findings.set(key, { ...finding, direction, against: [baseline.version], ...acceptance(finding, mode, baseline.version, version), fingerprint, ...(waiver && { waiver }) });
        }
      }
    }
  }
  const all = [...findings.values()];
  const gated = all.filter((f) => f.accepted === undefined && f.waiver === undefined);
  const report = verdictOf(gated, failOn);
  return { ...report, summary: verdictOf(all).summary, mode, comparedWith: baselines.map((b) => b.version), findings: all, semver: advise(all, previous?.version ?? null, version) };
}

/**
 * The version a candidate succeeds: the highest published one below its version or, without a
 * version, the latest release (a pre-release only when nothing was released), as `latest` means
 * everywhere else.
 */
export function previousVersion(published: readonly string[], version?: string): string | undefined {
  const earlier = published.filter((v) => version === undefined || semver.lt(v, version)).sort(semver.rcompare);
  return (version === undefined ? earlier.find((v) => semver.prerelease(v) === null) : undefined) ?? earlier[0];
}

function acceptance(finding: Finding, mode: CompatibilityMode, baseline: string, version: string | undefined): Pick<CheckFinding, 'accepted'> {
  if (finding.level !== 'error') return {};
  if (mode === 'NONE') return { accepted: 'mode-none' };
  if (version !== undefined && !sameLine(baseline, version)) return { accepted: 'major-version' };
  return {};
}

/** Versions promising compatibility with each other: same major, or same minor within 0.x. */
function sameLine(a: string, b: string): boolean {
  const [x, y] = [semver.parse(a)!, semver.parse(b)!];
  return x.major === y.major && (x.major !== 0 || x.minor === y.minor);
}

function advise(findings: readonly CheckFinding[], previous: string | null, version: string | undefined): SemverAdvice {
  // Forward findings count too: under FORWARD or FULL they are what makes a change breaking.
  const sincePrevious = findings.filter((f) => previous !== null && f.against.includes(previous));
  if (previous === null) return { previous, required: null, claimed: null, suggested: version ?? '1.0.0', satisfied: true };
  const required: Bump = sincePrevious.some((f) => f.level === 'error') ? 'major' : sincePrevious.length > 0 ? 'minor' : 'patch';
  const claimed = version === undefined ? null : bumpBetween(previous, version);
  const line = semver.parse(previous)!;
  // In 0.x a minor bump is the breaking one, as most package managers read it.
  const effective: Bump = line.major === 0 && required !== 'patch' ? (required === 'major' ? 'minor' : 'patch') : required;
  const suggested = semver.inc(previous, effective)!;
  const satisfied = version === undefined || required !== 'major' || !sameLine(previous, version);
  return { previous, required, claimed, suggested, satisfied };
}

function bumpBetween(previous: string, version: string): Bump | 'prerelease' {
  const [a, b] = [semver.parse(previous)!, semver.parse(version)!];
  if (b.major !== a.major) return 'major';
  if (b.minor !== a.minor) return 'minor';
  if (b.patch !== a.patch) return 'patch';
  return 'prerelease';
}
