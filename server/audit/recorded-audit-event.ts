/** An audit event as stored: its place in the chain, what happened, and its links. */
export interface RecordedAuditEvent {
  id: string;
  seq: number;
  at: Date;
  /** `user:<id>`, `api-key:<id>`, `system:<name>` or `anonymous`, as `describeActor` wrote it. */
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  summary: unknown;
  requestId: string | null;
  /** Null only for an event written before the chain existed that start-up could not seal. */
  prevHash: string | null;
  hash: string | null;
}
