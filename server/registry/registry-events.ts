import type { Db } from '../db/index.js';

interface ContractRef {
  contractId: string;
  contract: string;
  /** The system that owns the contract. */
  ownerSystemId: string;
}

/**
 * What happened in the registry, as facts for whoever listens (webhooks today). Emitted inside the
 * transaction of the change, so a listener that writes (an outbox) commits or rolls back with it.
 */
export type RegistryEvent =
  | (ContractRef & {
      type: 'version.published';
      version: string;
      previous: string | null;
      summary: { breaking: number; nonBreaking: number; policy: number };
      /**
       * Every approved subscriber, with the subscribed operations this version breaks (often none)
       * and those it changes at all; only a consumer whose operations it touches is notified.
       * Events logged before `touchedOperations` existed lack it.
       */
      consumers: { systemId: string; subscriptionId: string; affectedOperations: string[]; touchedOperations?: string[] }[];
    })
  | (ContractRef & {
      type: 'contract.deprecated';
      /** What was deprecated: the whole contract, one version, or single operations. */
      scope: 'contract' | 'version' | 'operations';
      version?: string;
      operations?: string[];
      sunsetAt: string;
      note: string;
      consumers: { systemId: string; subscriptionId: string }[];
    })
  | (ContractRef & {
      type: 'subscription.requested' | 'subscription.approved' | 'subscription.rejected' | 'subscription.revoked';
      subscriptionId: string;
      consumerSystemId: string;
      range: string;
      operations: string[];
    })
  | (ContractRef & {
      type: 'check.failed';
      checkId: string;
      version: string | null;
      verdict: 'fail';
      summary: { breaking: number; policy: number };
    })
  | (ContractRef & {
      type: 'incident.opened' | 'incident.resolved';
      incidentId: string;
      environment: string;
      /** Which objective was breached: P95 latency or error rate. */
      kind: 'latency' | 'errors';
      openedAt: string;
      resolvedAt: string | null;
      durationMs: number | null;
      threshold: number;
      worst: number;
      /** The approved subscribers, who hear about the health of what they call. */
      consumers: { systemId: string }[];
      /** The consumers (as the reporters name them) whose own traffic breached the objective. */
      affectedConsumers: string[];
    });

export type RegistryEventType = RegistryEvent['type'];

/** Receives registry events inside the writing transaction. */
export type EventSink = (tx: Db, event: RegistryEvent) => Promise<void>;
