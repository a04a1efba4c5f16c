import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { packageRoot } from '../shared/index.js';
import { boundEmbeddedClient } from './bound-embedded-client.js';
import { lockDataDirectory } from './lock-data-directory.js';

/**
 * The drizzle handle every module receives; a transaction has the same shape. It carries no schema:
 * each module queries the tables of its own `*.tables.ts`, so the database knows no module.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies pending migrations; safe when several instances start at once on one PostgreSQL. */
  migrate(): Promise<void>;
  /** Runs `work` while holding a database-wide lock, so start-up steps run once across instances. */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  /** Tells a second opener of the same embedded database where this process serves. */
  describe?(details: { url: string }): void;
  close(): Promise<void>;
}

export type DatabaseLocation = { url: string } | { dataDir: string };

// Any constant works; it only has to be the same for every Accord instance on one database.
const STARTUP_LOCK_KEY = 4_200_917;

export interface DatabaseTimeouts {
  /** Connecting, and waiting for a free pooled connection: a database that is down costs this long. */
  connectMs: number;
  /** One statement, measured by the client too, so a frozen server costs this long and not a socket. */
  queryMs: number;
}

// PGlite's WebAssembly build zeroes PostgreSQL's whole buffer pool before the first statement, in
// code the engine has not optimised yet: the default 128 MB cost ~0.35 s of every start-up (and of
// every test that opens a database). Pages beyond the pool come from the data directory's files
// through the operating system's cache, so a smaller pool costs a system call per page, not a disk read.
const EMBEDDED_SHARED_BUFFERS = '32MB';

export const defaultDatabaseTimeouts: DatabaseTimeouts = { connectMs: 5_000, queryMs: 15_000 };

export async function openDatabase(
  location: DatabaseLocation,
  {
    onIdleClientError = (_error: Error) => {},
    timeouts = defaultDatabaseTimeouts,
    onQuery,
  }: { onIdleClientError?: (error: Error) => void; timeouts?: DatabaseTimeouts; /** Told of every statement the registry sends: for tests that count them. */ onQuery?: (statement: string) => void } = {},
): Promise<Database> {
  const logger = onQuery ? { logQuery: (statement: string) => onQuery(statement) } : undefined;
  const migrationsFolder = join(packageRoot(), 'migrations');
  if ('url' in location) {
    const pool = new pg.Pool({
      connectionString: location.url,
      max: 10,
      connectionTimeoutMillis: timeouts.connectMs,
      // The client-side bound answers while the server is frozen; the server-side one also ends
      // the statement there, releasing its locks.
      query_timeout: timeouts.queryMs,
      statement_timeout: timeouts.queryMs,
      keepAlive: true,
    });
    // An idle connection dropped by the server (restart, failover, idle timeout) is reported here;
    // without a listener it would be an unhandled 'error' event that ends the process. The pool
    // replaces the connection on the next query.
    pool.on('error', onIdleClientError);
    const db = drizzleNodePg(pool, { ...(logger && { logger }) }) as unknown as Db;
    // The start-up lock lives on a connection of its own with no statement timeout: migrations may
    // run longer than any request's statement should, and it is held across the whole start-up step.
    const exclusivelyOn = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
      const client = new pg.Client({ connectionString: location.url, connectionTimeoutMillis: timeouts.connectMs, keepAlive: true });
      client.on('error', onIdleClientError);
      await client.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
        return await work(client);
      } finally {
        await client.end().catch(() => {});
      }
    };
    return {
      db,
      kind: 'postgres',
      migrate: () => exclusivelyOn((client) => migrateNodePg(drizzleNodePg(client), { migrationsFolder })),
      exclusively: (work) => exclusivelyOn(() => work()),
      ping: async () => void (await pool.query('select 1')),
      close: () => pool.end(),
    };
  }
  mkdirSync(location.dataDir, { recursive: true });
  const lock = lockDataDirectory(location.dataDir);
  const client = await PGlite.create(location.dataDir, { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`] }).catch((error: unknown) => {
    lock.release();
    throw error;
  });
  // On its single connection a statement waits for the others, as it would for a pooled
  // connection on PostgreSQL, and for as long as a PostgreSQL statement may run.
  const db = drizzlePglite({ client: boundEmbeddedClient(client, timeouts.queryMs) as PGlite, ...(logger && { logger }) }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    describe: lock.describe,
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    // PGlite belongs to this process alone: there is nobody to exclude.
    exclusively: (work) => work(),
    ping: async () => void (await db.execute(sql`select 1`)),
    close: async () => {
      await client.close();
      lock.release();
    },
  };
}
