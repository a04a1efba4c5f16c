import { asc, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { auditEvents } from './audit.tables.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';

/**
 * Hashes the unhashed events at the start of the log, from genesis in `seq` order, up to the first
 * event that already has a hash, and returns how many it sealed. The caller holds the chain's lock
 * (`lockAuditChain`) in `tx`. An unhashed event after a hashed one is left alone: nothing
 * legitimate writes one, so it stays for `verifyAuditLog` to report.
 */
export async function sealChainStart(tx: Db, { pageSize = 1_000 } = {}): Promise<number> {
  // Its first event (found by the seq index) says whether there is anything to do, without
  // reading a long log at every start.
  const [first] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(asc(auditEvents.seq)).limit(1);
  if (!first || first.hash !== null) return 0;
  let prevHash = GENESIS_HASH;
  let after = 0;
  let sealed = 0;
  for (;;) {
    const rows = await tx.select().from(auditEvents).where(gt(auditEvents.seq, after)).orderBy(asc(auditEvents.seq)).limit(pageSize);
    const links: { id: string; prevHash: string; hash: string }[] = [];
    let reachedChain = false;
    for (const row of rows) {
      if (row.hash !== null) {
        reachedChain = true;
        break;
      }
      const hash = auditHash({ ...row, prevHash });
      links.push({ id: row.id, prevHash, hash });
      prevHash = hash;
    }
    if (links.length > 0) {
      const values = sql.join(
        links.map((l) => sql`(${l.id}::uuid, ${l.prevHash}, ${l.hash})`),
        sql`, `,
      );
      await tx.execute(sql`update audit_events set prev_hash = v.prev_hash, hash = v.hash from (values ${values}) as v(id, prev_hash, hash) where audit_events.id = v.id`);
      sealed += links.length;
    }
    if (reachedChain || rows.length < pageSize) return sealed;
    after = rows.at(-1)!.seq;
  }
}
