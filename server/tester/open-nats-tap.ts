import { connect } from '@nats-io/transport-node';
import { nowMs, type BrokerTap, type OpenTapOptions, type ReceivedMessage } from './broker-tap.js';

/**
 * Plain core-NATS subscriptions: they see what is published without joining a queue group or a
 * JetStream consumer, so no real subscriber receives a message fewer. The callback form, not the
 * async iterator, keeps the receive path to one function call per message.
 */
export async function openNatsTap({ url, patterns, onMessage, onError }: OpenTapOptions): Promise<BrokerTap> {
  const nc = await connect({ servers: url, name: `accord-listen-${process.pid}`, maxReconnectAttempts: -1 });
  const subscribed: string[] = [];
  for (const { pattern, skipped } of patterns) {
    if (skipped) continue;
    nc.subscribe(pattern, {
      callback: (error, msg) => {
        if (error) return onError?.(error);
        const headers: Record<string, string> = {};
        if (msg.headers) for (const name of msg.headers.keys()) headers[name.toLowerCase()] = msg.headers.get(name);
        const message: ReceivedMessage = { address: msg.subject, payload: msg.data, headers, receivedAtMs: nowMs() };
        if (headers['content-type'] !== undefined) message.contentType = headers['content-type'];
        onMessage(message);
      },
    });
    subscribed.push(pattern);
  }
  // The subscriptions are in force once the server has read them, not when subscribe() returns.
  await nc.flush();
  return { protocol: 'nats', subscribed, close: () => nc.drain() };
}
