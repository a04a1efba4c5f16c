import type { BrokerChannel } from './broker-channels.js';

export type BrokerProtocol = 'mqtt' | 'amqp' | 'nats';

/** MQTT topics are split by `/`, NATS subjects and AMQP routing keys by `.`. */
export const SEPARATOR: Record<BrokerProtocol, string> = { mqtt: '/', amqp: '.', nats: '.' };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds the documented channel a received topic, subject or routing key belongs to. A parameter
 * (`{storeId}`) stands for one level of the address, as a broker wildcard does; addresses without
 * parameters are looked up first, so `stock/totals` wins over `stock/{storeId}`.
 */
export function createChannelMatcher(channels: readonly BrokerChannel[], protocol: BrokerProtocol): (address: string) => BrokerChannel | undefined {
  const exact = new Map<string, BrokerChannel>();
  const templated: { pattern: RegExp; channel: BrokerChannel }[] = [];
  const level = `[^${escape(SEPARATOR[protocol])}]+`;
  for (const channel of channels) {
    if (!channel.address.includes('{')) {
      exact.set(channel.address, channel);
      continue;
    }
    const source = channel.address
      .split(/(\{[^}]*\})/)
      .map((part) => (part.startsWith('{') && part.endsWith('}') ? level : escape(part)))
      .join('');
    templated.push({ pattern: new RegExp(`^${source}$`), channel });
  }
  const cache = new Map<string, BrokerChannel | undefined>();
  return (address) => {
    const hit = exact.get(address);
    if (hit) return hit;
    if (cache.has(address)) return cache.get(address);
    const found = templated.find((t) => t.pattern.test(address))?.channel;
    // Topics with ids in them are unbounded; the cache only saves work, so it is kept small.
    if (cache.size > 10_000) cache.clear();
    cache.set(address, found);
    return found;
  };
}
