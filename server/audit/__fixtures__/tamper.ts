import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/index.js';
import { auditEvents } from '../audit.tables.js';
import { auditHash } from '../audit-hash.js';

/** What someone with write access to the database could do to the audit log, one way each. */
export const tamper = {
  /** Edits what an event says, leaving its hash alone. */
  editSummary: (db: Db, seq: number) => db.execute(sql`update audit_events set summary = '{"forged":true}'::jsonb where seq = ${seq}`),
  /** Removes an event. */
  delete: (db: Db, seq: number) => db.execute(sql`delete from audit_events where seq = ${seq}`),
  /** Edits an event and gives it the hash its new contents have, so the event itself looks sound. */
  async editAndRehash(db: Db, seq: number) {
    const [row] = await db.select().from(auditEvents).where(eq(auditEvents.seq, seq));
    const summary = { forged: true };
    await db.update(auditEvents).set({ summary, hash: auditHash({ ...row!, summary, prevHash: row!.prevHash! }) }).where(eq(auditEvents.seq, seq));
  },
};
