import type { Db } from '../db/index.js';
import type { AccessPolicy, Actor } from '../shared/index.js';
import type { PageRequest } from '../shared/index.js';
import { countAuditLog, queryAuditLog, type AuditFilter } from './query-audit-log.js';
import { verifyAuditLog } from './verify-audit-log.js';

export interface AuditLogDeps {
  db: Db;
  access: AccessPolicy;
}

/**
 * Reading the audit log, for administrators only: it names people and says what each of them did.
 * The route table gates roughly by role; the check here is the one that holds for every edge.
 */
export function createAuditLog({ db, access }: AuditLogDeps) {
  return {
    async query(filter: AuditFilter, actor: Actor) {
      await access.assert(db, actor, 'admin', null);
      return queryAuditLog(db, filter);
    },
    async count(filter: Omit<AuditFilter, keyof PageRequest>, actor: Actor) {
      await access.assert(db, actor, 'admin', null);
      return countAuditLog(db, filter);
    },
    async verify(actor: Actor) {
      await access.assert(db, actor, 'admin', null);
      return verifyAuditLog(db);
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
