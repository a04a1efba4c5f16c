import { createHash } from 'node:crypto';
import type { RecordedAuditEvent } from './recorded-audit-event.js';

/** The `prevHash` of the first event in the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: every stored field but the row's id and its own hash, the link included. */
export type ChainedFields = Omit<RecordedAuditEvent, 'id' | 'hash' | 'prevHash'> & { prevHash: string };

/**
 * The hash of one event: SHA-256 over a canonical JSON form (object keys sorted) of every stored
 * field, the previous hash included. Keys are sorted because PostgreSQL's jsonb does not keep the
 * order they were written in, and the hash must come out the same when recomputed from storage.
 * The fields are picked one by one so that a whole row (with its id and own hash) can be passed.
 */
export function auditHash(event: ChainedFields): string {
  const { seq, at, actor, action, targetType, targetId, summary, requestId, prevHash } = event;
  const canonical = canonicalJson({ seq, at: at.toISOString(), actor, action, targetType, targetId, summary, requestId, prevHash });
  return createHash('sha256').update(canonical).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
