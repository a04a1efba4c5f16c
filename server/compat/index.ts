/**
 * The compatibility engine, a pure core: differs turn two documents into `Change` facts, rules
 * (one file per id, listed in `rules/index.ts`) judge those facts into `Finding`s.
 */
export type * from './change.js';
export type * from './asyncapi-change.js';
export type { Finding } from './finding.js';
export { reportedFinding, type ReportedFinding } from './reported-finding.js';
export { schemaErrorFindings } from './schema-error-findings.js';
export type { AnyRule, Level, Rule, Taxonomy } from './rule.js';
export { diffDocuments, type DiffOptions } from './diff-documents.js';
export { swagger2SourcePointer } from './swagger2-source-pointer.js';
export { diffOpenApi } from './diff-openapi.js';
export { diffAsyncApi } from './diff-asyncapi.js';
export { findBreakingChanges, judgeChanges, type FindBreakingChangesOptions } from './find-breaking-changes.js';
export { rules } from './rules/index.js';
export { changelogSections, type ChangelogSections } from './changelog-sections.js';
export { renderChangelog, type ChangelogFormat, type ChangelogStep } from './render-changelog.js';
export { verdictOf, type Verdict, type VerdictReport } from './verdict-of.js';
export { isBlocking, isExcused, type FailOn, type GatedFinding } from './is-blocking.js';
export {
  addPolicyFindings,
  addVersionFinding,
  checkCandidate,
  type PolicyOptions,
  type ActiveWaiver,
  type Bump,
  type CandidateCheck,
  type CandidateFinding,
  type PolicyFinding,
  type VersionFinding,
  type CandidateCheckInput,
  type CheckDirection,
  type CheckFinding,
  type FindingConsumer,
  type LevelOverrides,
  type PublishedDocument,
  type SemverAdvice,
} from './check-candidate.js';
export { COMPATIBILITY_MODES, DEFAULT_COMPATIBILITY_MODE, isCompatibilityMode, type CompatibilityMode } from './compatibility-mode.js';
export { selectBaselines, type Baselines } from './select-baselines.js';
export { overlayOperationDeprecations, type RecordedDeprecation } from './overlay-operation-deprecations.js';
