import type { RegistryEvent } from '../registry/index.js';

/** One system that hears an event, and what it is told. */
export interface Listener {
  systemId: string;
  audience: 'owner' | 'consumer';
  data: Record<string, unknown>;
}

/**
 * Who hears an event and what each is told. The owning system hears everything about its
 * contract; a consumer system hears what concerns its own subscription: new versions that change
 * operations of *its* subscription (naming those they break), deprecations, and decisions about
 * its request.
 * Payloads name systems by slug, as the REST API does; `slugOf` resolves the ids events carry.
 * A system on both sides of a contract hears it once, as its owner.
 */
export function audienceOf(event: RegistryEvent, slugOf: (systemId: string) => string): Listener[] {
  const owner = (data: Record<string, unknown>): Listener => ({ systemId: event.ownerSystemId, audience: 'owner', data: { ...data, audience: 'owner' } });
  const consumer = (systemId: string, data: Record<string, unknown>): Listener => ({ systemId, audience: 'consumer', data: { ...data, audience: 'consumer' } });
  const listeners = ((): Listener[] => {
    switch (event.type) {
      case 'version.published': {
        const base = { contract: event.contract, version: event.version, previous: event.previous, summary: event.summary };
        return [
          owner({ ...base, consumers: event.consumers.map((c) => ({ system: slugOf(c.systemId), subscriptionId: c.subscriptionId, affectedOperations: c.affectedOperations })) }),
          // A version that changes none of a consumer's operations is no news to it.
          ...event.consumers.filter((c) => c.touchedOperations === undefined || c.touchedOperations.length > 0).map((c) => consumer(c.systemId, { ...base, subscriptionId: c.subscriptionId, affectedOperations: c.affectedOperations, touchedOperations: c.touchedOperations ?? [] })),
        ];
      }
      case 'contract.deprecated': {
        const base = { contract: event.contract, scope: event.scope, version: event.version ?? null, operations: event.operations ?? null, sunsetAt: event.sunsetAt, note: event.note };
        return [
          owner({ ...base, consumers: event.consumers.map((c) => ({ system: slugOf(c.systemId), subscriptionId: c.subscriptionId })) }),
          ...event.consumers.map((c) => consumer(c.systemId, { ...base, subscriptionId: c.subscriptionId })),
        ];
      }
      case 'subscription.requested':
      case 'subscription.approved':
      case 'subscription.rejected':
      case 'subscription.revoked': {
        const data = { contract: event.contract, subscriptionId: event.subscriptionId, consumer: slugOf(event.consumerSystemId), range: event.range, operations: event.operations };
        // The consumer asked; it needs to hear the answer, not its own request.
        return event.type === 'subscription.requested' ? [owner(data)] : [owner(data), consumer(event.consumerSystemId, data)];
      }
      case 'incident.opened':
      case 'incident.resolved': {
        const { type: _type, contractId: _id, ownerSystemId: _owner, consumers, ...facts } = event;
        return [owner(facts), ...consumers.map((c) => consumer(c.systemId, facts))];
      }
      case 'check.failed':
        return [owner({ contract: event.contract, checkId: event.checkId, version: event.version, verdict: event.verdict, summary: event.summary })];
    }
  })();
  const seen = new Set<string>();
  return listeners.filter((l) => !seen.has(l.systemId) && seen.add(l.systemId));
}
