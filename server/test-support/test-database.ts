import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database, type DatabaseLocation } from '../db/index.js';

/** The PostgreSQL server used by the Postgres-backed tests, when the run was given one. */
export const postgresUrl = process.env.ACCORD_TEST_POSTGRES_URL;

/** A fresh, migrated PGlite data directory copied from the run's template. */
export async function createPgliteLocation(): Promise<{ location: { dataDir: string }; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'accord-db-'));
  const dataDir = join(dir, 'data');
  await cp(inject('pgliteTemplate'), dataDir, { recursive: true });
  return { location: { dataDir }, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A fresh database on the test PostgreSQL server, dropped again by `cleanup`. */
export async function createPostgresLocation(): Promise<{ location: { url: string }; cleanup: () => Promise<void> }> {
  if (!postgresUrl) throw new Error('ACCORD_TEST_POSTGRES_URL is not set');
  const name = `accord_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    location: { url: url.toString() },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** An opened, migrated database for tests that use the registry without HTTP. */
export async function openTestDatabase(location: DatabaseLocation): Promise<Database> {
  const database = await openDatabase(location);
  await database.migrate();
  return database;
}
