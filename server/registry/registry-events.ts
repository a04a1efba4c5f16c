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
      /** Every approved subscriber, with the subscribed operations this version breaks (often none). */
      consumers: { systemId: string; subscriptionId: string; affectedOperations: string[] }[];
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
    });

export type RegistryEventType = RegistryEvent['type'];

/** Receives registry events inside the writing transaction. */
export type EventSink = (tx: Db, event: RegistryEvent) => Promise<void>;
