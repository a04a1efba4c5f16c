import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Database } from '../../db/index.js';
import { createPgliteLocation, openTestDatabase } from '../../test-support/test-database.js';

/**
 * A migrated PGlite database for the enclosing `describe`, with the audit log emptied before each
 * test. Returns a getter: the database exists only once `beforeAll` has run.
 */
export function emptyAuditDatabase(): () => Database {
  let database: Database;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const pglite = await createPgliteLocation();
    cleanup = pglite.cleanup;
    database = await openTestDatabase(pglite.location);
  });
  afterAll(async () => {
    await database?.close();
    await cleanup?.();
  });
  beforeEach(async () => {
    await database.db.execute(sql`delete from audit_events`);
  });
  return () => database;
}
