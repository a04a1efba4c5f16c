import { resolve } from 'node:path';
import { z } from 'zod';
import { COMPATIBILITY_MODES, type CompatibilityMode } from './compat/index.js';
import { describeInputIssue } from './shared/index.js';
import { VALIDITY_LEVELS, type Validity } from './spec/index.js';
import { ConfigError } from './config-error.js';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const serverSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  ACCORD_DATA_DIR: z.string().min(1).default('./.accord'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  ACCORD_SEED: bool.default(true),
  ACCORD_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  ACCORD_DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  ACCORD_MAX_DOCUMENT_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  ACCORD_PARSE_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  ACCORD_PARSE_THREADS: z.coerce.number().int().positive().max(64).optional(),
  ACCORD_WARM_WORKERS: bool.default(true),
  ACCORD_COMPATIBILITY_MODE: z.enum(COMPATIBILITY_MODES).default('BACKWARD'),
  ACCORD_VALIDITY: z.enum(VALIDITY_LEVELS).default('full'),
  ACCORD_WAIVER_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  ACCORD_MIN_DEPRECATION_DAYS: z.coerce.number().int().min(0).max(3650).default(0),
  ACCORD_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  ACCORD_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCORD_TRUSTED_ORIGINS: z.string().optional(),
  ACCORD_ANONYMOUS_READ: bool.default(true),
  ACCORD_GRAPHQL_INTROSPECTION: bool.default(true),
  ACCORD_SIGN_UP: bool.default(false),
  ACCORD_BOOTSTRAP_TOKEN: z.string().min(32, 'must be at least 32 characters').max(512).optional(),
  ACCORD_OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  ACCORD_OIDC_CLIENT_ID: z.string().min(1).optional(),
  ACCORD_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  ACCORD_OIDC_NAME: z.string().trim().min(1).max(60).optional(),
  ACCORD_API_KEY_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  ACCORD_SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  ACCORD_PUBLISH_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  ACCORD_TRUST_PROXY: z.string().optional(),
  ACCORD_WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  ACCORD_WEBHOOK_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).default(2_000),
  ACCORD_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  ACCORD_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(86_400_000).default(10_000),
  ACCORD_WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(1).max(7 * 86_400_000).default(3_600_000),
  ACCORD_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  ACCORD_WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  ACCORD_SLO_P95_MS: z.coerce.number().positive().max(3_600_000).default(500),
  ACCORD_SLO_ERROR_RATE: z.coerce.number().min(0).max(1).default(0.01),
  ACCORD_SLO_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400 * 30).default(300),
  ACCORD_SLO_OPEN_AFTER: z.coerce.number().int().min(1).max(1000).default(2),
  ACCORD_SLO_RESOLVE_AFTER: z.coerce.number().int().min(1).max(1000).default(2),
  ACCORD_TRAFFIC_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  ACCORD_TRAFFIC_SWEEP_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface ServerConfig {
  port: number;
  host: string;
  database: { url: string } | { dataDir: string };
  /** Bounds on waiting for PostgreSQL, so an outage or a frozen server answers in seconds. */
  databaseTimeouts: { connectMs: number; queryMs: number };
  seed: boolean;
  maxDocumentBytes: number;
  parseTimeoutMs: number;
  parseThreads: number | undefined;
  /** Start the worker threads once ready, with the default ruleset loaded, rather than with the first document. */
  warmWorkers: boolean;
  /** What new contracts get when they name no compatibility mode, and the minimum notice for a sunset. */
  compatibility: { defaultMode: CompatibilityMode; minDeprecationDays: number; defaultValidity: Validity };
  /** The longest an approved waiver may last. */
  waiverMaxDays: number;
  logLevel: string;
  auth: {
    /** Where people reach Accord; when unset, the address the server listens on. */
    publicUrl: string | undefined;
    /** Unset with PGlite: one is generated and kept in the data directory. */
    secret: string | undefined;
    trustedOrigins: string[];
    anonymousRead: boolean;
    signUp: boolean;
    bootstrapToken: string | undefined;
    oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | undefined;
    apiKeyMaxDays: number;
    /** Attempts per minute: sign-ins per address and per account, publishes per person or key. */
    rateLimits: { signIn: number; publish: number };
    /** Express's `trust proxy`: which hops' X-Forwarded-For to believe for the caller's address. */
    trustProxy: string | undefined;
  };
  graphql: {
    /** Whether the GraphQL schema may be read by introspection (ACCORD_GRAPHQL_INTROSPECTION). */
    introspection: boolean;
  };
  webhooks: {
    /** Lets webhooks reach loopback, private and link-local addresses; off except in tests and closed networks. */
    allowPrivate: boolean;
    pollIntervalMs: number;
    maxAttempts: number;
    /** The wait after the first failed attempt, doubling with each further failure up to `retryMaxMs`. */
    retryBaseMs: number;
    retryMaxMs: number;
    /** Per attempt. */
    timeoutMs: number;
    /** Delivered and failed deliveries, with their attempt logs, are deleted this long after their last attempt. */
    retentionDays: number;
  };
  traffic: {
    /** The objective of every contract and environment that set none of its own. */
    defaultSlo: { p95Ms: number; errorRate: number; windowSeconds: number; openAfter: number; resolveAfter: number };
    /** Raw windows are deleted after this many days; the hourly rollups stay. */
    retentionDays: number;
    /** How often objectives are evaluated without new windows, and rollups and pruning run. */
    sweepIntervalMs: number;
  };
}

export { ConfigError };

/** The only reader of the environment: validated once at start-up, with messages naming the variable. */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  // An empty variable counts as unset, as shells and compose files often leave them.
  const result = serverSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')),
    { error: describeInputIssue },
  );
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = result.data;
  const problems = [
    c.DATABASE_URL && !c.ACCORD_AUTH_SECRET ? 'ACCORD_AUTH_SECRET: required with DATABASE_URL, so every instance signs sessions alike (32+ random characters)' : undefined,
    c.ACCORD_OIDC_ISSUER && !(c.ACCORD_OIDC_CLIENT_ID && c.ACCORD_OIDC_CLIENT_SECRET) ? 'ACCORD_OIDC_CLIENT_ID, ACCORD_OIDC_CLIENT_SECRET: required with ACCORD_OIDC_ISSUER' : undefined,
  ].filter((p) => p !== undefined);
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  return {
    port: c.PORT,
    host: c.HOST,
    database: c.DATABASE_URL ? { url: c.DATABASE_URL } : { dataDir: resolve(c.ACCORD_DATA_DIR) },
    databaseTimeouts: { connectMs: c.ACCORD_DB_CONNECT_TIMEOUT_MS, queryMs: c.ACCORD_DB_QUERY_TIMEOUT_MS },
    seed: c.ACCORD_SEED,
    maxDocumentBytes: c.ACCORD_MAX_DOCUMENT_BYTES,
    parseTimeoutMs: c.ACCORD_PARSE_TIMEOUT_MS,
    parseThreads: c.ACCORD_PARSE_THREADS,
    warmWorkers: c.ACCORD_WARM_WORKERS,
    compatibility: { defaultMode: c.ACCORD_COMPATIBILITY_MODE, minDeprecationDays: c.ACCORD_MIN_DEPRECATION_DAYS, defaultValidity: c.ACCORD_VALIDITY },
    waiverMaxDays: c.ACCORD_WAIVER_MAX_DAYS,
    logLevel: c.LOG_LEVEL,
    auth: {
      publicUrl: c.ACCORD_PUBLIC_URL?.replace(/\/$/, ''),
      secret: c.ACCORD_AUTH_SECRET,
      trustedOrigins: (c.ACCORD_TRUSTED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
      anonymousRead: c.ACCORD_ANONYMOUS_READ,
      signUp: c.ACCORD_SIGN_UP,
      bootstrapToken: c.ACCORD_BOOTSTRAP_TOKEN,
      oidc: c.ACCORD_OIDC_ISSUER ? { issuer: c.ACCORD_OIDC_ISSUER, clientId: c.ACCORD_OIDC_CLIENT_ID!, clientSecret: c.ACCORD_OIDC_CLIENT_SECRET!, name: c.ACCORD_OIDC_NAME ?? new URL(c.ACCORD_OIDC_ISSUER).hostname } : undefined,
      apiKeyMaxDays: c.ACCORD_API_KEY_MAX_DAYS,
      rateLimits: { signIn: c.ACCORD_SIGN_IN_RATE_LIMIT, publish: c.ACCORD_PUBLISH_RATE_LIMIT },
      trustProxy: c.ACCORD_TRUST_PROXY,
    },
    graphql: { introspection: c.ACCORD_GRAPHQL_INTROSPECTION },
    webhooks: {
      allowPrivate: c.ACCORD_WEBHOOK_ALLOW_PRIVATE,
      pollIntervalMs: c.ACCORD_WEBHOOK_POLL_MS,
      maxAttempts: c.ACCORD_WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: c.ACCORD_WEBHOOK_RETRY_BASE_MS,
      retryMaxMs: Math.max(c.ACCORD_WEBHOOK_RETRY_MAX_MS, c.ACCORD_WEBHOOK_RETRY_BASE_MS),
      timeoutMs: c.ACCORD_WEBHOOK_TIMEOUT_MS,
      retentionDays: c.ACCORD_WEBHOOK_RETENTION_DAYS,
    },
    traffic: {
      defaultSlo: { p95Ms: c.ACCORD_SLO_P95_MS, errorRate: c.ACCORD_SLO_ERROR_RATE, windowSeconds: c.ACCORD_SLO_WINDOW_SECONDS, openAfter: c.ACCORD_SLO_OPEN_AFTER, resolveAfter: c.ACCORD_SLO_RESOLVE_AFTER },
      retentionDays: c.ACCORD_TRAFFIC_RETENTION_DAYS,
      sweepIntervalMs: c.ACCORD_TRAFFIC_SWEEP_MS,
    },
  };
}
