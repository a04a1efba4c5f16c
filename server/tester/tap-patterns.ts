import type { BrokerChannel } from './broker-channels.js';
import { SEPARATOR, type BrokerProtocol } from './channel-matcher.js';

/** One subscription a tap makes: a topic filter, a NATS subject or an AMQP binding key on an exchange. */
export interface TapPattern {
  pattern: string;
  /** AMQP only: the exchange the tap's own queue is bound to. */
  exchange?: string;
  exchangeType?: string;
  /** MQTT only: the QoS asked for. */
  qos?: 0 | 1 | 2;
  /** Why a channel could not be tapped, instead of a pattern. */
  skipped?: string;
}

/** RabbitMQ's topic exchange, which its MQTT and STOMP plugins also publish to. */
export const DEFAULT_AMQP_EXCHANGE = 'amq.topic';

const ONE_LEVEL: Record<BrokerProtocol, string> = { mqtt: '+', amqp: '*', nats: '*' };
const ALL_BELOW: Record<BrokerProtocol, string> = { mqtt: '#', amqp: '#', nats: '>' };

/**
 * What to subscribe to so that every documented channel is heard, and, with `wide`, the other
 * addresses under the channels' common prefix too, which is how a message on an undocumented
 * channel is seen at all. One wide subscription replaces the per-channel ones rather than adding
 * to them: overlapping MQTT subscriptions may deliver a message twice.
 */
export function tapPatterns(channels: readonly BrokerChannel[], protocol: BrokerProtocol, { wide = true }: { wide?: boolean } = {}): TapPattern[] {
  if (protocol === 'amqp') return amqpPatterns(channels, wide);
  const qos = protocol === 'mqtt' ? mqttQos(channels) : undefined;
  const withQos = (pattern: string): TapPattern => (qos === undefined ? { pattern } : { pattern, qos });
  const prefix = wide ? commonPrefix(channels.map((c) => c.address), protocol) : undefined;
  if (prefix) return [withQos(`${prefix}${SEPARATOR[protocol]}${ALL_BELOW[protocol]}`)];
  return [...new Set(channels.map((c) => wildcard(c.address, protocol)))].map(withQos);
}

/** QoS 1 to measure what is delivered, unless every channel's operations ask for 0 (the broker may drop those anyway). */
function mqttQos(channels: readonly BrokerChannel[]): 0 | 1 {
  return channels.length > 0 && channels.every((c) => c.mqttQos === 0) ? 0 : 1;
}

function wildcard(address: string, protocol: BrokerProtocol): string {
  return address
    .split(SEPARATOR[protocol])
    .map((level) => (level.includes('{') ? ONE_LEVEL[protocol] : level))
    .join(SEPARATOR[protocol]);
}

/** The literal levels every address starts with, short of the shortest address; undefined when none. */
function commonPrefix(addresses: readonly string[], protocol: BrokerProtocol): string | undefined {
  if (addresses.length === 0) return undefined;
  const split = addresses.map((a) => a.split(SEPARATOR[protocol]));
  const shortest = Math.min(...split.map((s) => s.length));
  const levels: string[] = [];
  for (let i = 0; i < shortest - 1; i++) {
    const level = split[0]![i]!;
    if (level === '' || level.includes('{') || split.some((s) => s[i] !== level)) break;
    levels.push(level);
  }
  return levels.length > 0 ? levels.join(SEPARATOR[protocol]) : undefined;
}

function amqpPatterns(channels: readonly BrokerChannel[], wide: boolean): TapPattern[] {
  const byExchange = new Map<string, { type: string; channels: BrokerChannel[] }>();
  const skipped: TapPattern[] = [];
  for (const channel of channels) {
    const exchange = channel.amqp?.exchange ?? (channel.amqp?.queue ? undefined : DEFAULT_AMQP_EXCHANGE);
    if (exchange === undefined) {
      // Reading a queue would take its messages from the consumers it exists for.
      skipped.push({ pattern: channel.address, skipped: `queue "${channel.amqp?.queue}" names no exchange; a tap never consumes from a real queue` });
      continue;
    }
    const entry = byExchange.get(exchange) ?? { type: channel.amqp?.exchangeType ?? 'topic', channels: [] };
    entry.channels.push(channel);
    byExchange.set(exchange, entry);
  }
  const patterns: TapPattern[] = [];
  for (const [exchange, { type, channels: bound }] of byExchange) {
    if (type === 'fanout' || type === 'headers') {
      patterns.push({ pattern: '', exchange, exchangeType: type });
      continue;
    }
    if (type === 'direct') {
      for (const c of bound) {
        if (c.address.includes('{')) skipped.push({ pattern: c.address, skipped: `a direct exchange ("${exchange}") has no wildcards for the parameters of "${c.address}"` });
        else patterns.push({ pattern: c.address, exchange, exchangeType: type });
      }
      continue;
    }
    const prefix = wide ? commonPrefix(bound.map((c) => c.address), 'amqp') : undefined;
    if (prefix) {
      patterns.push({ pattern: `${prefix}.#`, exchange, exchangeType: type });
      continue;
    }
    for (const pattern of new Set(bound.map((c) => wildcard(c.address, 'amqp')))) patterns.push({ pattern, exchange, exchangeType: type });
  }
  return [...patterns, ...skipped];
}
