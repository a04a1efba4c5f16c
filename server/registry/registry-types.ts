import type { CompatibilityMode, LevelOverrides } from '../compat/index.js';
import type { AccessPolicy, Actor, Clock } from '../shared/index.js';
import type { EventSink } from './registry-events.js';
import type { Db } from '../db/index.js';
import type { ContractKind, Operation, Validity } from '../spec/index.js';
import type { ShippedRulesets } from '../lint/index.js';
import type { CompatChecker, Linter, SpecLoader } from '../workers/index.js';

export interface RegistryDeps {
  db: Db;
  clock: Clock;
  specs: SpecLoader;
  checker: CompatChecker;
  linter: Linter;
  /** The texts of the rulesets in policies/, read once by the composition root. */
  shippedRulesets: ShippedRulesets;
  /** The longest a waiver may last; 90 days unless configured. */
  waiverMaxDays?: number;
  /** Installation-wide compatibility settings; a contract's own mode and levels take precedence. */
  compatibility?: CompatibilitySettings;
  /** Decides every write against the owning team, inside the write's transaction. */
  access: AccessPolicy;
  /** Hears every registry event inside its transaction (the webhook outbox); none when absent. */
  emit?: EventSink;
  /** Reads who called which operation (the traffic module's rollups); without it nothing is observed. */
  observedUsage?: ObservedUsageReader;
}

/** Observed calls of one consumer to one operation of a contract in one environment. */
export interface ObservedUse {
  environment: string;
  operation: string;
  /** The consumer name traffic reported: a system's slug, or `unknown`. */
  consumer: string;
  requests: number;
  lastSeenAt: Date;
}

export interface ObservedUsageQuery {
  contractId: string;
  /** Calls in (from, to]. */
  from: Date;
  to: Date;
  environmentId?: string;
}

export type ObservedUsageReader = (db: Db, query: ObservedUsageQuery) => Promise<ObservedUse[]>;

export type UsageGating = 'standard' | 'usage-aware';

export interface CompatibilitySettings {
  defaultMode: CompatibilityMode;
  /**
   * The shortest notice, in days: a document deprecating an operation with a sooner sunset draws a
   * warning; a deprecation asked of the registry with one is refused.
   */
  minDeprecationDays: number;
  /** The validity level new contracts get when they name none (`full` unless configured). */
  defaultValidity?: Validity;
}

export type Lifecycle = 'draft' | 'active' | 'deprecated' | 'retired';
export type SubscriptionStatus = 'requested' | 'approved' | 'rejected' | 'revoked';

export type { Page, PageRequest } from '../shared/index.js';

export interface Team {
  slug: string;
  name: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface System {
  slug: string;
  name: string;
  team: string;
  domain: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface Contract {
  slug: string;
  name: string;
  kind: ContractKind | null;
  system: string;
  team: string;
  domain: string;
  lifecycle: Lifecycle;
  compatibilityMode: CompatibilityMode;
  /** Rule levels overridden for this contract, by rule id; `off` drops a rule. */
  ruleLevels: LevelOverrides;
  /** How strictly its versions must follow their specification's schema. */
  validity: Validity;
  description: string;
  tags: string[];
  /** When a deprecated contract stops being served. */
  sunsetAt: Date | null;
  latestVersion: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface VersionSummary {
  contract: string;
  version: string;
  specKind: ContractKind;
  specVersion: string;
  title: string;
  contentHash: string;
  sizeBytes: number;
  operationCount: number;
  publishedAt: Date;
  publishedBy: string;
  /** Set once the owner deprecates the version; consumers should move on before `sunsetAt`. */
  deprecatedAt: Date | null;
  sunsetAt: Date | null;
  deprecationNote: string | null;
}

/** What a publish answers: the version without its (possibly large) documents. */
export interface PublishedVersion extends VersionSummary {
  operations: Operation[];
  findings: unknown[];
}

export interface Version extends PublishedVersion {
  document: unknown;
  source: string;
  sourceFormat: 'json' | 'yaml';
}

/** An operation the owner deprecated through the registry; checks read baselines as if they said so. */
export interface OperationDeprecation {
  operation: string;
  sunsetAt: Date;
  note: string;
  createdAt: Date;
  createdBy: string;
}

/** A contract as one resource: with the operations deprecated through the registry. */
export interface ContractDetail extends Contract {
  deprecations: { operations: OperationDeprecation[] };
}

/** Everything deprecated about one contract: itself, versions and single operations. */
export interface Deprecations {
  contract: string;
  lifecycle: Lifecycle;
  sunsetAt: Date | null;
  versions: { version: string; deprecatedAt: Date; sunsetAt: Date | null; note: string }[];
  operations: OperationDeprecation[];
}

export interface Subscription {
  id: string;
  contract: string;
  consumer: string;
  range: string;
  operations: string[];
  status: SubscriptionStatus;
  note: string;
  requestedBy: string;
  decidedBy: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Environment {
  slug: string;
  name: string;
  rank: number;
  description: string;
}

export interface Deployment {
  id: string;
  contract: string;
  environment: string;
  version: string;
  address: string;
  deployedAt: Date;
  deployedBy: string;
}

export interface DeploymentMatrix {
  environments: Environment[];
  rows: { contract: string; deployments: Record<string, Deployment | null> }[];
}

export type WithActor<T> = T & { actor: Actor };
