import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { jsonText } from '../db/json-text.js';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull();

export const teams = pgTable('teams', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const systems = pgTable(
  'systems',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    teamId: uuid('team_id').notNull().references(() => teams.id),
    domain: text('domain').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('systems_team_idx').on(t.teamId), index('systems_domain_idx').on(t.domain)],
);

export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    /** Null until the first version is published when it was not given at creation. */
    kind: text('kind', { enum: ['openapi', 'asyncapi'] }),
    systemId: uuid('system_id').notNull().references(() => systems.id),
    lifecycle: text('lifecycle', { enum: ['draft', 'active', 'deprecated', 'retired'] }).notNull().default('draft'),
    compatibilityMode: text('compatibility_mode').notNull().default('BACKWARD'),
    ruleLevels: jsonb('rule_levels').notNull().default(sql`'{}'::jsonb`),
    /** How strictly versions must follow their specification's schema: full, syntax or none. */
    validity: text('validity', { enum: ['full', 'syntax', 'none'] }).notNull().default('full'),
    description: text('description').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /**
     * What the catalog's search matches, lower-cased once when a contract is written rather than on
     * every row of every keystroke: `contract_search_text` (migration 0012) joins slug, name,
     * description and tags a line each, so no typed query matches across two of them.
     */
    searchText: text('search_text').notNull().generatedAlwaysAs(sql`contract_search_text(slug, name, description, tags)`),
    sunsetAt: timestamp('sunset_at', { withTimezone: true }),
    /** `usage-aware`: a breaking change no declared or observed consumer uses does not fail. Opt-in. */
    usageGating: text('usage_gating', { enum: ['standard', 'usage-aware'] }).notNull().default('standard'),
    /** How many days of observed traffic count as use. */
    usageDays: integer('usage_days').notNull().default(30),
    /** The fewest requests over those days that make a consumer a user of an operation. */
    usageThreshold: integer('usage_threshold').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('contracts_system_idx').on(t.systemId),
    check('contracts_usage_gating_check', sql`${t.usageGating} in ('standard', 'usage-aware')`),
    index('contracts_tags_idx').using('gin', t.tags),
    check('contracts_lifecycle_check', sql`${t.lifecycle} in ('draft', 'active', 'deprecated', 'retired')`),
    check('contracts_kind_check', sql`${t.kind} is null or ${t.kind} in ('openapi', 'asyncapi')`),
  ],
);

/**
 * A consumer whose observed traffic does not count as use of a contract (a synthetic monitor, a
 * load test). Keyed by the consumer name traffic reports, which need not be a registered system.
 */
export const usageExclusions = pgTable(
  'usage_exclusions',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    consumer: text('consumer').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.consumer] })],
);

export const versions = pgTable(
  'versions',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id').notNull().references(() => contracts.id),
    version: text('version').notNull(),
    major: integer('major').notNull(),
    minor: integer('minor').notNull(),
    patch: integer('patch').notNull(),
    prerelease: text('prerelease'),
    specKind: text('spec_kind', { enum: ['openapi', 'asyncapi'] }).notNull(),
    specVersion: text('spec_version').notNull(),
    title: text('title').notNull(),
    sourceFormat: text('source_format', { enum: ['json', 'yaml'] }).notNull(),
    source: text('source').notNull(),
    document: jsonText('document').notNull(),
    contentHash: text('content_hash').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    operations: jsonb('operations').notNull(),
    findings: jsonb('findings').notNull().default(sql`'[]'::jsonb`),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: text('published_by').notNull(),
    /** Set when the owner deprecates this version; consumers should move to a newer one before `sunsetAt`. */
    deprecatedAt: timestamp('deprecated_at', { withTimezone: true }),
    sunsetAt: timestamp('sunset_at', { withTimezone: true }),
    deprecationNote: text('deprecation_note'),
  },
  (t) => [
    // The constraint that makes concurrent publishes of one version produce exactly one row.
    uniqueIndex('versions_contract_version_key').on(t.contractId, t.version),
    index('versions_contract_order_idx').on(t.contractId, t.major, t.minor, t.patch),
  ],
);

export const subscriptions = pgTable(
  'subscriptions',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id').notNull().references(() => contracts.id),
    consumerSystemId: uuid('consumer_system_id').notNull().references(() => systems.id),
    range: text('range').notNull(),
    operations: text('operations').array().notNull(),
    status: text('status', { enum: ['requested', 'approved', 'rejected', 'revoked'] }).notNull(),
    note: text('note').notNull().default(''),
    requestedBy: text('requested_by').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // A consumer may hold several live subscriptions to one contract (^1 and ^2 while it migrates),
    // so no unique key: requests take a lock on the pair and refuse overlapping ranges instead.
    index('subscriptions_live_idx')
      .on(t.contractId, t.consumerSystemId)
      .where(sql`${t.status} in ('requested', 'approved')`),
    index('subscriptions_consumer_idx').on(t.consumerSystemId),
  ],
);

export const environments = pgTable('environments', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  rank: integer('rank').notNull().default(0),
  description: text('description').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const deployments = pgTable(
  'deployments',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id').notNull().references(() => contracts.id),
    environmentId: uuid('environment_id').notNull().references(() => environments.id),
    versionId: uuid('version_id').notNull().references(() => versions.id),
    address: text('address').notNull(),
    deployedAt: timestamp('deployed_at', { withTimezone: true }).notNull(),
    deployedBy: text('deployed_by').notNull(),
  },
  (t) => [index('deployments_current_idx').on(t.contractId, t.environmentId, t.deployedAt)],
);

/** One run of the compatibility check for a candidate document. Checks never write a version. */
export const checks = pgTable(
  'checks',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id').notNull().references(() => contracts.id),
    /** The version the candidate was checked as, when one was given. */
    version: text('version'),
    contentHash: text('content_hash').notNull(),
    verdict: text('verdict', { enum: ['pass', 'warn', 'fail'] }).notNull(),
    /** The whole report: mode, versions compared with, findings, semver advice. */
    report: jsonb('report').notNull(),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull(),
  },
  // Checks are listed per contract newest first, by their time-ordered id.
  (t) => [index('checks_contract_idx').on(t.contractId, t.id)],
);

/**
 * An expiring exception for one finding of one contract, named by the finding's fingerprint.
 * Requested, then approved (or revoked); only approved, unexpired waivers excuse a finding.
 */
export const waivers = pgTable(
  'waivers',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id').notNull().references(() => contracts.id),
    rule: text('rule').notNull(),
    fingerprint: text('fingerprint').notNull(),
    /** What the finding said when the waiver was asked for, so a reader knows what was excused. */
    operations: text('operations').array().notNull(),
    pointer: text('pointer'),
    message: text('message').notNull(),
    reason: text('reason').notNull(),
    /** `expired` is stored once an approved waiver past its expiry is superseded; until then it is derived. */
    status: text('status', { enum: ['requested', 'approved', 'expired', 'revoked'] }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    requestedBy: text('requested_by').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('waivers_contract_idx').on(t.contractId, t.status),
    // One live waiver per finding: asking twice is a conflict, not a second row.
    uniqueIndex('waivers_live_key').on(t.contractId, t.fingerprint).where(sql`${t.status} in ('requested', 'approved')`),
  ],
);

/**
 * A policy ruleset in Spectral's format, as uploaded. Versions are immutable: saving new text adds
 * the next version, and whatever applies a ruleset by name uses its latest version.
 */
export const rulesets = pgTable(
  'rulesets',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull(),
  },
  // Two concurrent saves of one name cannot both become version N+1.
  (t) => [uniqueIndex('rulesets_name_version_key').on(t.name, t.version)],
);

/**
 * Which ruleset applies where: everywhere, in a domain, to a team's contracts or to one contract,
 * optionally only at one lifecycle stage. The ruleset is named, not pinned to a version.
 */
export const rulesetAssignments = pgTable(
  'ruleset_assignments',
  {
    id: uuid('id').primaryKey(),
    scope: text('scope', { enum: ['global', 'domain', 'team', 'contract'] }).notNull(),
    /** The domain, team slug or contract slug; '' for global. */
    target: text('target').notNull(),
    /** '' for every stage rather than NULL, so the unique key also holds for stage-less rows. */
    lifecycle: text('lifecycle', { enum: ['', 'draft', 'active', 'deprecated'] }).notNull().default(''),
    ruleset: text('ruleset').notNull(),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('ruleset_assignments_key').on(t.scope, t.target, t.lifecycle),
    check('ruleset_assignments_scope_check', sql`${t.scope} in ('global', 'domain', 'team', 'contract')`),
    check('ruleset_assignments_lifecycle_check', sql`${t.lifecycle} in ('', 'draft', 'active', 'deprecated')`),
    check('ruleset_assignments_target_check', sql`(${t.scope} = 'global') = (${t.target} = '')`),
  ],
);

/**
 * An operation the owner deprecated through Accord rather than in the document. Publishes treat
 * it as if the baseline marked the operation deprecated with this sunset, so removing it before
 * the sunset is refused like any other early removal.
 */
export const operationDeprecations = pgTable(
  'operation_deprecations',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id').notNull().references(() => contracts.id),
    /** The operation's key as the contract's versions list it, e.g. `GET /orders/{id}`. */
    operation: text('operation').notNull(),
    sunsetAt: timestamp('sunset_at', { withTimezone: true }).notNull(),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [uniqueIndex('operation_deprecations_key').on(t.contractId, t.operation)],
);
