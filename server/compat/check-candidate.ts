import semver from 'semver';
import { findingFingerprint } from '../shared/index.js';
import type { ReportedFinding } from './reported-finding.js';
import type { CompatibilityMode } from './compatibility-mode.js';
import type { DiffOptions } from './diff-documents.js';
import { compatibleLine } from './compatible-line.js';
import { overlayOperationDeprecations, type RecordedDeprecation } from './overlay-operation-deprecations.js';
import { findBreakingChanges } from './find-breaking-changes.js';
import { selectBaselines } from './select-baselines.js';
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
  /** Operations the owner deprecated through the registry; every document is read as if it said so. */
  operationDeprecations?: readonly RecordedDeprecation[];
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
  source: 'compatibility';
  direction: CheckDirection;
  /** The published versions this finding was found against. */
  against: string[];
  /**
   * Why the finding does not fail the verdict: the candidate starts a new compatible line
   * (`major-version`), a pre-release is involved (`prerelease`), the contract's mode gates
   * nothing (`mode-none`) or not this direction (`mode-direction`: recorded for the changelog),
   * or, under usage-aware gating, no declared or observed consumer uses what it changes (`unused`).
   */
  accepted?: 'major-version' | 'prerelease' | 'mode-none' | 'mode-direction' | 'unused';
  /** The consumers the finding reaches: declared by a subscription, observed in traffic, or both. */
  consumers?: FindingConsumer[];
  /** Identifies the finding across versions; a waiver names it. */
  fingerprint: string;
  /** The waiver excusing this finding: still shown, no longer gating. */
  waiver?: { id: string; expiresAt: string };
}

/** A consumer a finding reaches, and how the registry knows it uses the operations. */
export interface FindingConsumer {
  consumer: string;
  /** The team owning the consumer system; null when traffic names a consumer the registry does not know. */
  team: string | null;
  /** An approved subscription names the operations. */
  declared: boolean;
  /** Requests to the operations over the contract's look-back; null when not observed. */
  requests: number | null;
  lastSeenAt: string | null;
  operations: string[];
}

/** A finding of the contract's policy ruleset about the candidate itself. */
export interface PolicyFinding extends ReportedFinding {
  source: 'policy';
  /** `draft`: a draft contract's policy errors are reported but do not block. */
  accepted?: 'draft';
  fingerprint: string;
  waiver?: { id: string; expiresAt: string };
}

/**
 * A finding about the candidate's version number rather than its content: the number is taken by
 * a version with other content, or is not above the latest of its major line. The publish refuses
 * such a candidate; a check reports it with everything else. No fingerprint: nothing waives it.
 */
export interface VersionFinding extends ReportedFinding {
  source: 'version';
  accepted?: never;
  waiver?: never;
}

export type CandidateFinding = CheckFinding | PolicyFinding | VersionFinding;

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
  /** Compatibility findings first, then the policy ruleset's. */
  findings: CandidateFinding[];
  semver: SemverAdvice;
}

/**
 * Checks a candidate document against the published versions of its contract under the
 * contract's compatibility mode. Breaking changes (error findings) fail the verdict unless the
 * candidate starts a new compatible line: a new major, a new minor while in 0.x, or a pre-release
 * on either side, where semver promises no compatibility. Whatever the mode, the candidate is also
 * compared with its predecessor the way existing clients see it, so the changelog always has the
 * step; those findings only gate when the mode asks for them.
 */
export function checkCandidate(input: CandidateCheckInput): CandidateCheck {
  const { candidate: submitted, version, mode, failOn = 'error', levels = {}, published, waivers = [], operationDeprecations = [], ...diffOptions } = input;
  const waiverOf = new Map(waivers.map((w) => [w.fingerprint, { id: w.id, expiresAt: w.expiresAt }]));
  // The candidate too: an operation the registry deprecated stays deprecated in the next version
  // whether or not its document repeats it, so keeping it is not reported as a reactivation.
  const candidate = overlayOperationDeprecations(submitted, operationDeprecations);
  const documents = new Map(published.map((p) => [p.version, overlayOperationDeprecations(p.document, operationDeprecations)]));
  const { previous, versions: baselines } = selectBaselines([...documents.keys()], mode, version);
  const gatedDirections = directionsOf(mode);

  const findings = new Map<string, CheckFinding>();
  const compare = (baseline: string, direction: CheckDirection) => {
    const [base, head] = direction === 'backward' ? [documents.get(baseline)!, candidate] : [candidate, documents.get(baseline)!];
    for (const finding of findBreakingChanges(base, head, { ...diffOptions, levels })) {
      const key = `${direction}\0${finding.id}\0${finding.pointer ?? ''}\0${finding.message}`;
      const known = findings.get(key);
      if (known) {
        known.against.push(baseline);
        continue;
      }
      const fingerprint = findingFingerprint(finding);
      const waiver = waiverOf.get(fingerprint);
      const accepted = gatedDirections.includes(direction) ? acceptance(finding, mode, baseline, version) : 'mode-direction';
      findings.set(key, { ...finding, source: 'compatibility', direction, against: [baseline], ...(accepted && { accepted }), fingerprint, ...(waiver && { waiver }) });
    }
  };
  for (const baseline of baselines) for (const direction of gatedDirections) compare(baseline, direction);
  if (previous !== undefined && !gatedDirections.includes('backward')) compare(previous, 'backward');

  const compatibility = [...findings.values()];
  const all: CandidateFinding[] = compatibility;
  const report = verdictOf(all, failOn);
  const stepFindings = compatibility.filter((f) => previous !== undefined && f.against.includes(previous) && gatedDirections.includes(f.direction));
  return { ...report, mode, comparedWith: baselines, findings: all, semver: advise(stepFindings, previous ?? null, version) };
}

export interface PolicyOptions {
  waivers?: readonly ActiveWaiver[];
  /** False where policy errors are reported without blocking (draft contracts). */
  gates: boolean;
  failOn?: FailOn;
}

/**
 * Adds what the contract's policy ruleset found in the candidate to its compatibility check, so
 * one verdict judges both. Policy findings are about the candidate alone: no direction, no
 * versions; waivers apply to them by fingerprint as to any finding.
 */
export function addPolicyFindings(check: CandidateCheck, findings: readonly ReportedFinding[], { waivers = [], gates, failOn = 'error' }: PolicyOptions): CandidateCheck {
  const waiverOf = new Map(waivers.map((w) => [w.fingerprint, { id: w.id, expiresAt: w.expiresAt }]));
  const policy = findings.map((finding): PolicyFinding => {
    const fingerprint = findingFingerprint(finding);
    const waiver = waiverOf.get(fingerprint);
    return { ...finding, source: 'policy', ...(!gates && finding.level === 'error' && { accepted: 'draft' as const }), fingerprint, ...(waiver && { waiver }) };
  });
  const all = [...check.findings, ...policy];
  return { ...check, ...verdictOf(all, failOn), findings: all };
}

/** Puts a finding about the candidate's version number in front of a check's, under one verdict. */
export function addVersionFinding(check: CandidateCheck, finding: VersionFinding, { failOn = 'error' }: { failOn?: FailOn } = {}): CandidateCheck {
  const all = [finding, ...check.findings];
  return { ...check, ...verdictOf(all, failOn), findings: all };
}

/** The directions a mode gates; NONE gates nothing but is recorded as existing clients see it. */
function directionsOf(mode: CompatibilityMode): CheckDirection[] {
  if (mode.startsWith('FULL')) return ['backward', 'forward'];
  if (mode.startsWith('FORWARD')) return ['forward'];
  return ['backward'];
}

function acceptance(finding: Finding, mode: CompatibilityMode, baseline: string, version: string | undefined): CheckFinding['accepted'] {
  if (finding.level !== 'error') return undefined;
  if (mode === 'NONE') return 'mode-none';
  if (version === undefined || compatibleLine(baseline, version)) return undefined;
  return semver.prerelease(baseline) || semver.prerelease(version) ? 'prerelease' : 'major-version';
}

/** The smallest bump the step from `previous` calls for, and whether the candidate's version makes it. */
function advise(step: readonly CheckFinding[], previous: string | null, version: string | undefined): SemverAdvice {
  if (previous === null) return { previous, required: null, claimed: null, suggested: version ?? '1.0.0', satisfied: true };
  const required: Bump = step.some((f) => f.level === 'error') ? 'major' : step.length > 0 ? 'minor' : 'patch';
  const claimed = version === undefined ? null : bumpBetween(previous, version);
  const line = semver.parse(previous)!;
  // In 0.x a minor bump is the breaking one, as most package managers read it.
  const effective: Bump = line.major === 0 && required !== 'patch' ? (required === 'major' ? 'minor' : 'patch') : required;
  const suggested = semver.inc(previous, effective)!;
  const satisfied = version === undefined || required !== 'major' || !compatibleLine(previous, version);
  return { previous, required, claimed, suggested, satisfied };
}

/** What the candidate's number claims; `prerelease` when it is one, or releases one. */
function bumpBetween(previous: string, version: string): Bump | 'prerelease' {
  const [a, b] = [semver.parse(previous)!, semver.parse(version)!];
  if (b.prerelease.length > 0) return 'prerelease';
  if (b.major !== a.major) return 'major';
  if (b.minor !== a.minor) return 'minor';
  if (b.patch !== a.patch) return 'patch';
  return 'prerelease';
}
