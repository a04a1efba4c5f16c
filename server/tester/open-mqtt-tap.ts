import { connectAsync, type IClientOptions } from 'mqtt';
import { nowMs, type BrokerTap, type OpenTapOptions } from './broker-tap.js';

/**
 * Subscribes over MQTT 5, so that user properties (CloudEvents binary mode, a send-time header)
 * arrive with the message. The session is clean: a listener that restarts must not make the broker
 * keep a queue for it meanwhile.
 */
export async function openMqttTap({ url, patterns, onMessage, onError }: OpenTapOptions): Promise<BrokerTap> {
  const options: IClientOptions = {
    protocolVersion: 5,
    clean: true,
    clientId: `accord-listen-${process.pid}-${Math.random().toString(36).slice(2, 10)}`,
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
  };
  const client = await connectAsync(url, options);
  client.on('error', (error) => onError?.(error));
  client.on('message', (topic, payload, packet) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(packet.properties?.userProperties ?? {})) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : String(value);
    }
    const contentType = packet.properties?.contentType;
    onMessage({ address: topic, payload, headers, ...(contentType ? { contentType } : {}), receivedAtMs: nowMs() });
  });
  const subscribed: string[] = [];
  for (const { pattern, qos = 1, skipped } of patterns) {
    if (skipped) continue;
    const granted = await client.subscribeAsync(pattern, { qos });
    for (const g of granted) {
      if (g.qos > 2) throw new Error(`the broker refused the subscription to "${g.topic}" (reason ${g.qos})`);
      subscribed.push(`${g.topic} QoS ${g.qos}`);
    }
  }
  return { protocol: 'mqtt', subscribed, close: async () => void (await client.endAsync()) };
}
