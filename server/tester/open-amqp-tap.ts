import { connect } from 'amqplib';
import { nowMs, type BrokerTap, type OpenTapOptions } from './broker-tap.js';

/**
 * A tap declares its own exclusive, auto-deleted queue and binds it to the contract's exchanges, so
 * it receives a copy of each message and takes none from the queues real consumers read. The queue
 * disappears with the connection: a listener that dies leaves nothing behind on the broker.
 */
export async function openAmqpTap({ url, patterns, onMessage, onError }: OpenTapOptions): Promise<BrokerTap> {
  const connection = await connect(url);
  let closing = false;
  connection.on('error', (error: Error) => onError?.(error));
  // No reconnection yet: the exclusive queue died with the connection, so say the tap went deaf.
  connection.on('close', () => {
    if (!closing) onError?.(new Error('the AMQP connection closed: no more messages are heard; restart accord listen'));
  });
  const channel = await connection.createChannel();
  channel.on('error', (error: Error) => onError?.(error));
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
  const subscribed: string[] = [];
  for (const { pattern, exchange, skipped } of patterns) {
    if (skipped || exchange === undefined) continue;
    await checkExchange(connection, exchange);
    await channel.bindQueue(queue, exchange, pattern);
    subscribed.push(`${exchange} ${pattern === '' ? '(all)' : pattern}`);
  }
  await channel.consume(
    queue,
    (msg) => {
      if (!msg) return;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(msg.properties.headers ?? {})) {
        if (value !== undefined && value !== null) headers[name.toLowerCase()] = typeof value === 'object' ? JSON.stringify(value) : String(value);
      }
      const contentType = typeof msg.properties.contentType === 'string' ? msg.properties.contentType : undefined;
      onMessage({ address: msg.fields.routingKey, payload: msg.content, headers, ...(contentType ? { contentType } : {}), receivedAtMs: nowMs() });
    },
    { noAck: true, exclusive: true },
  );
  return {
    protocol: 'amqp',
    subscribed,
    close: async () => {
      closing = true;
      await connection.close().catch(() => undefined);
    },
  };
}

/** Checked on a channel of its own: a missing exchange closes the channel it was asked on. */
async function checkExchange(connection: Awaited<ReturnType<typeof connect>>, exchange: string): Promise<void> {
  const probe = await connection.createChannel();
  probe.on('error', () => undefined);
  try {
    await probe.checkExchange(exchange);
  } catch {
    throw new Error(`the AMQP exchange "${exchange}" does not exist on the broker`);
  }
  await probe.close().catch(() => undefined);
}
