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
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The drizzle handle every module receives; a transaction has the same shape. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies pending migrations; safe when several instances start at once on one PostgreSQL. */
  migrate(): Promise<void>;
  /** Runs `work` while holding a database-wide lock, so start-up steps run once across instances. */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseLocation = { url: string } | { dataDir: string };

// Any constant works; it only has to be the same for every Accord instance on one database.
const STARTUP_LOCK_KEY = 4_200_917;

export async function openDatabase(location: DatabaseLocation, { onIdleClientError = (_error: Error) => {} } = {}): Promise<Database> {
  const migrationsFolder = join(packageRoot(), 'migrations');
  if ('url' in location) {
    const pool = new pg.Pool({ connectionString: location.url, max: 10 });
    // An idle connection dropped by the server (restart, failover, idle timeout) is reported here;
    // without a listener it would be an unhandled 'error' event that ends the process. The pool
    // replaces the connection on the next query.
    pool.on('error', onIdleClientError);
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    const exclusively = async <T>(work: () => Promise<T>): Promise<T> => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
        return await work();
      } finally {
        await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => {});
        client.release();
      }
    };
    return {
      db,
      kind: 'postgres',
      migrate: () => exclusively(() => migrateNodePg(drizzleNodePg(pool), { migrationsFolder })),
      exclusively,
      ping: async () => void (await pool.query('select 1')),
      close: () => pool.end(),
    };
  }
  mkdirSync(location.dataDir, { recursive: true });
  const client = await PGlite.create(location.dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    // PGlite belongs to this process alone: there is nobody to exclude.
    exclusively: (work) => work(),
    ping: async () => void (await db.execute(sql`select 1`)),
    close: () => client.close(),
  };
}
