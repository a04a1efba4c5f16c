export { recordAuditEvent, type AuditEvent } from './record-audit-event.js';
export { auditEvents } from './audit.tables.js';
