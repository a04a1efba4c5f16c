import { connect, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { nowMs, type BrokerTap, type OpenTapOptions } from './broker-tap.js';

/** Waits between reconnection attempts: doubling from one second, never more than thirty. */
const RETRY_MS = { first: 1_000, max: 30_000 };

/**
 * A tap declares its own exclusive, auto-deleted queue and binds it to the contract's exchanges, so
 * it receives a copy of each message and takes none from the queues real consumers read. The queue
 * disappears with the connection: a listener that dies leaves nothing behind on the broker. When the
 * connection drops (a broker restart, a network cut) the tap connects again and declares a new queue;
 * what was published in between was never copied to it, so the gap is reported, never hidden.
 */
export async function openAmqpTap({ url, patterns, onMessage, onError, onNotice }: OpenTapOptions): Promise<BrokerTap> {
  let closing = false;
  let connection: ChannelModel;
  let retry: NodeJS.Timeout | undefined;
  const subscribed: string[] = [];

  const receive = (msg: ConsumeMessage | null) => {
    if (!msg) return;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(msg.properties.headers ?? {})) {
      if (value !== undefined && value !== null) headers[name.toLowerCase()] = typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
    const contentType = typeof msg.properties.contentType === 'string' ? msg.properties.contentType : undefined;
    onMessage({ address: msg.fields.routingKey, payload: msg.content, headers, ...(contentType ? { contentType } : {}), receivedAtMs: nowMs() });
  };

  /** Connects, declares the tap's queue, binds it and consumes; throws when the broker refuses any of it. */
  const attach = async (): Promise<string[]> => {
    const opened = await connect(url);
    try {
      const bound: string[] = [];
      const channel = await opened.createChannel();
      channel.on('error', (error: Error) => onError?.(error));
      // A channel the broker closed (an exchange deleted under it) hears nothing more: start over.
      channel.on('close', () => void (closing ? undefined : opened.close().catch(() => undefined)));
      const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
      for (const { pattern, exchange, skipped } of patterns) {
        if (skipped || exchange === undefined) continue;
        await checkExchange(opened, exchange);
        await channel.bindQueue(queue, exchange, pattern);
        bound.push(`${exchange} ${pattern === '' ? '(all)' : pattern}`);
      }
      await channel.consume(queue, receive, { noAck: true, exclusive: true });
      opened.on('error', (error: Error) => onError?.(error));
      opened.on('close', () => lost());
      connection = opened;
      return bound;
    } catch (error) {
      await opened.close().catch(() => undefined);
      throw error;
    }
  };

  const lost = () => {
    if (closing) return;
    const since = new Date().toISOString();
    onError?.(new Error(`the AMQP connection closed; reconnecting (messages published from ${since} until then are not heard)`));
    const attempt = (waitMs: number) => {
      retry = setTimeout(() => {
        retry = undefined;
        if (closing) return;
        attach().then(
          () => (closing ? connection.close().catch(() => undefined) : onNotice?.(`reconnected to the AMQP broker; messages published since ${since} were not heard`)),
          (error: Error) => {
            const next = Math.min(waitMs * 2, RETRY_MS.max);
            onError?.(new Error(`reconnecting to the AMQP broker failed (${error.message}); trying again in ${next / 1000} s`));
            attempt(next);
          },
        );
      }, waitMs);
    };
    attempt(RETRY_MS.first);
  };

  subscribed.push(...(await attach()));
  return {
    protocol: 'amqp',
    subscribed,
    close: async () => {
      closing = true;
      clearTimeout(retry);
      await connection.close().catch(() => undefined);
    },
  };
}

/** Checked on a channel of its own: a missing exchange closes the channel it was asked on. */
async function checkExchange(connection: ChannelModel, exchange: string): Promise<void> {
  const probe = await connection.createChannel();
  probe.on('error', () => undefined);
  try {
    await probe.checkExchange(exchange);
  } catch {
    throw new Error(`the AMQP exchange "${exchange}" does not exist on the broker`);
  }
  await probe.close().catch(() => undefined);
}
