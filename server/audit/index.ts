export { recordAuditEvent, type AuditEvent } from './record-audit-event.js';
export { auditEvents } from './audit.tables.js';
export { auditHash, GENESIS_HASH } from './audit-hash.js';
export { sealAuditLog } from './seal-audit-log.js';
export { verifyAuditLog, type AuditVerification, type AuditHead, type BrokenLink } from './verify-audit-log.js';
export { queryAuditLog, type AuditFilter } from './query-audit-log.js';
export { createAuditLog, type AuditLog, type AuditLogDeps } from './create-audit-log.js';
export type { RecordedAuditEvent } from './recorded-audit-event.js';
