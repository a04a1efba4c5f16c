import { and, asc, eq, gt, gte, inArray, lte, max } from 'drizzle-orm';
import { auditEvents } from '../audit/index.js';
import type { RegistryEventType } from './registry-events.js';
import type { RegistryDeps } from './registry-types.js';
import { checks, contracts, subscriptions } from './registry.tables.js';


/** A registry event as it was recorded, for live followers: what happened, to which contract, when. */
export interface LoggedRegistryEvent {
  /** Stable across instances: `audit:<seq>` or `check:<id>`. */
  id: string;
  type: RegistryEventType;
  contract: string;
  at: Date;
  version: string | null;
  subscription: string | null;
  check: string | null;
  /** What the change recorded about itself (the audit summary, or the failing check's counts). */
  data: Record<string, unknown>;
}

/** Where a follower has read up to. Opaque to callers; pass back what `since` answered. */
export interface RegistryEventCursor {
  seq: number;
  /** Failing checks already answered, by id, with when they were made. */
  checks: Map<string, number>;
  checksFrom: number;
}

// Every audited change that is a registry event, by the action the audit log names it with.
const AUDITED: Record<string, RegistryEventType> = {
  'version.published': 'version.published',
  'contract.deprecated': 'contract.deprecated',
  'version.deprecated': 'contract.deprecated',
  'operations.deprecated': 'contract.deprecated',
  'subscription.requested': 'subscription.requested',
  'subscription.approved': 'subscription.approved',
  'subscription.rejected': 'subscription.rejected',
  'subscription.revoked': 'subscription.revoked',
};

/**
 * A check is recorded by its own short transaction, stamped just before it: one that commits this
 * long after its stamp could be missed. Far longer than the insert it covers.
 */
const CHECK_LOOKBACK_MS = 60_000;
const BATCH = 500;

/** The lowest UUIDv7 of a millisecond: ids are time-ordered, so this bounds a scan by the primary key. */
const firstIdAt = (ms: number) => {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
};

/**
 * Registry events read back from what every instance writes in the transaction of the change, so
 * a follower on one instance sees the changes made through any other sharing the database. The
 * audit chain is appended under a lock held to commit, so its `seq` grows in commit order with no
 * gaps: reading past the last `seq` seen misses nothing. Checks are not audited (they change no
 * state); failing ones are read from the checks table with a look-back and remembered by id.
 */
export function createRegistryEventLog({ db, clock }: Pick<RegistryDeps, 'db' | 'clock'>) {
  return {
    /** A cursor at the present: `since` answers only what is recorded after it. */
    async head(): Promise<RegistryEventCursor> {
      const [row] = await db.select({ seq: max(auditEvents.seq) }).from(auditEvents);
      const now = clock.now().getTime();
      return { seq: Number(row?.seq ?? 0), checks: new Map(), checksFrom: now };
    },

    /** Events recorded after `cursor`, oldest first, with the cursor to pass next time. */
    async since(cursor: RegistryEventCursor): Promise<{ events: LoggedRegistryEvent[]; cursor: RegistryEventCursor }> {
      const [head] = await db.select({ seq: max(auditEvents.seq) }).from(auditEvents);
      const upTo = Number(head?.seq ?? 0);
      const audited =
        upTo > cursor.seq
          ? await db
              .select({ seq: auditEvents.seq, at: auditEvents.at, action: auditEvents.action, targetId: auditEvents.targetId, summary: auditEvents.summary })
              .from(auditEvents)
              .where(and(gt(auditEvents.seq, cursor.seq), lte(auditEvents.seq, upTo), inArray(auditEvents.action, Object.keys(AUDITED))))
              .orderBy(asc(auditEvents.seq))
              .limit(BATCH)
          : [];
      // A full batch stops at its last event; otherwise every link up to the head has been read.
      const seq = audited.length === BATCH ? audited.at(-1)!.seq : Math.max(cursor.seq, upTo);

      // Decisions on a subscription name it, not its contract.
      const decided = audited.filter((e) => e.action !== 'subscription.requested' && e.action.startsWith('subscription.')).map((e) => e.targetId);
      const contractOf = new Map<string, string>();
      if (decided.length > 0) {
        const rows = await db
          .select({ id: subscriptions.id, contract: contracts.slug })
          .from(subscriptions)
          .innerJoin(contracts, eq(contracts.id, subscriptions.contractId))
          .where(inArray(subscriptions.id, [...new Set(decided)]));
        for (const row of rows) contractOf.set(row.id, row.contract);
      }

      const events: LoggedRegistryEvent[] = [];
      for (const e of audited) {
        const type = AUDITED[e.action]!;
        const summary = (e.summary ?? {}) as Record<string, unknown>;
        const isSubscription = type.startsWith('subscription.');
        const contract = isSubscription ? (type === 'subscription.requested' ? String(summary.contract) : contractOf.get(e.targetId)) : e.targetId;
        if (contract === undefined) continue;
        events.push({
          id: `audit:${e.seq}`,
          type,
          contract,
          at: e.at,
          version: typeof summary.version === 'string' ? summary.version : null,
          subscription: isSubscription ? e.targetId : null,
          check: null,
          data: type === 'contract.deprecated' ? { scope: e.action.slice(0, e.action.indexOf('.')), ...summary } : summary,
        });
      }

      const now = clock.now().getTime();
      const from = Math.max(cursor.checksFrom, now) - CHECK_LOOKBACK_MS;
      const failed = await db
        .select({ id: checks.id, at: checks.createdAt, version: checks.version, contract: contracts.slug })
        .from(checks)
        .innerJoin(contracts, eq(contracts.id, checks.contractId))
        .where(and(gte(checks.id, firstIdAt(from)), eq(checks.verdict, 'fail')))
        .orderBy(asc(checks.id))
        .limit(BATCH);
      const seen = new Map([...cursor.checks].filter(([, at]) => at >= from));
      for (const check of failed) {
        // Checks made before the follower started are history, not news.
        if (seen.has(check.id) || check.at.getTime() < cursor.checksFrom) continue;
        seen.set(check.id, check.at.getTime());
        events.push({ id: `check:${check.id}`, type: 'check.failed', contract: check.contract, at: check.at, version: check.version, subscription: null, check: check.id, data: { verdict: 'fail' } });
      }
      return { events, cursor: { seq, checks: seen, checksFrom: cursor.checksFrom } };
    },
  };
}

export type RegistryEventLog = ReturnType<typeof createRegistryEventLog>;
