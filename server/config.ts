import { resolve } from 'node:path';
import { z } from 'zod';
import { COMPATIBILITY_MODES, type CompatibilityMode } from './compat/index.js';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const serverSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  ACCORD_DATA_DIR: z.string().min(1).default('./.accord'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  ACCORD_SEED: bool.default(true),
  ACCORD_MAX_DOCUMENT_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  ACCORD_PARSE_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  ACCORD_PARSE_THREADS: z.coerce.number().int().positive().max(64).optional(),
  ACCORD_COMPATIBILITY_MODE: z.enum(COMPATIBILITY_MODES).default('BACKWARD'),
  ACCORD_WAIVER_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  ACCORD_MIN_DEPRECATION_DAYS: z.coerce.number().int().min(0).max(3650).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface ServerConfig {
  port: number;
  host: string;
  database: { url: string } | { dataDir: string };
  seed: boolean;
  maxDocumentBytes: number;
  parseTimeoutMs: number;
  parseThreads: number | undefined;
  /** What new contracts get when they name no compatibility mode, and the minimum notice for a sunset. */
  compatibility: { defaultMode: CompatibilityMode; minDeprecationDays: number };
  /** The longest an approved waiver may last. */
  waiverMaxDays: number;
  logLevel: string;
}

export class ConfigError extends Error {}

/** The only reader of the environment: validated once at start-up, with messages naming the variable. */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const result = serverSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = result.data;
  return {
    port: c.PORT,
    host: c.HOST,
    database: c.DATABASE_URL ? { url: c.DATABASE_URL } : { dataDir: resolve(c.ACCORD_DATA_DIR) },
    seed: c.ACCORD_SEED,
    maxDocumentBytes: c.ACCORD_MAX_DOCUMENT_BYTES,
    parseTimeoutMs: c.ACCORD_PARSE_TIMEOUT_MS,
    parseThreads: c.ACCORD_PARSE_THREADS,
    compatibility: { defaultMode: c.ACCORD_COMPATIBILITY_MODE, minDeprecationDays: c.ACCORD_MIN_DEPRECATION_DAYS },
    waiverMaxDays: c.ACCORD_WAIVER_MAX_DAYS,
    logLevel: c.LOG_LEVEL,
  };
}

export interface ClientConfig {
  server: string;
  token: string | undefined;
}

/** What the `accord` client commands read from the environment; flags override it. */
export function loadClientConfig(env: NodeJS.ProcessEnv = process.env): ClientConfig {
  return { server: env.ACCORD_URL || 'http://localhost:4000', token: env.ACCORD_TOKEN || undefined };
}
