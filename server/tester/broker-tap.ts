import type { BrokerProtocol } from './channel-matcher.js';
import type { TapPattern } from './tap-patterns.js';

/** One message as a tap heard it, before anything is parsed or validated. */
export interface ReceivedMessage {
  /** The MQTT topic, NATS subject or AMQP routing key it was published to. */
  address: string;
  payload: Uint8Array;
  /** MQTT 5 user properties, NATS headers, AMQP headers; names lower-cased. */
  headers: Record<string, string>;
  contentType?: string;
  /** Epoch milliseconds with sub-millisecond precision, taken when the client handed the message over. */
  receivedAtMs: number;
}

/** A live subscription to a broker that hands every message to `onMessage` and does nothing else. */
export interface BrokerTap {
  protocol: BrokerProtocol;
  /** What was subscribed, as the broker granted it (`stock/# QoS 1`), for the report. */
  subscribed: string[];
  close(): Promise<void>;
}

export interface OpenTapOptions {
  url: string;
  patterns: readonly TapPattern[];
  onMessage: (message: ReceivedMessage) => void;
  onError?: (error: Error) => void;
  /** What the operator should know that is not a fault: a connection restored. */
  onNotice?: (message: string) => void;
}

export const nowMs = (): number => performance.timeOrigin + performance.now();

/** The broker protocol a URL speaks, from its scheme; undefined for one no tap exists for. */
export function protocolOf(url: string): BrokerProtocol | undefined {
  const scheme = /^([a-z0-9+.-]+):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'mqtt' || scheme === 'mqtts' || scheme === 'tcp' || scheme === 'ssl' || scheme === 'ws' || scheme === 'wss') return 'mqtt';
  if (scheme === 'amqp' || scheme === 'amqps') return 'amqp';
  if (scheme === 'nats' || scheme === 'tls') return 'nats';
  return undefined;
}

/** Opens a tap with the client for the URL's protocol, loaded only when that protocol is used. */
export async function openBrokerTap(options: OpenTapOptions): Promise<BrokerTap> {
  switch (protocolOf(options.url)) {
    case 'mqtt':
      return (await import('./open-mqtt-tap.js')).openMqttTap(options);
    case 'amqp':
      return (await import('./open-amqp-tap.js')).openAmqpTap(options);
    case 'nats':
      return (await import('./open-nats-tap.js')).openNatsTap(options);
    default:
      throw new Error(`no listener for "${options.url}": use an mqtt://, mqtts://, amqp://, amqps:// or nats:// URL`);
  }
}
