import { randomBytes } from 'node:crypto';
import { createServer, connect as connectTcp, type Server, type Socket } from 'node:net';
import { connect as connectAmqp } from 'amqplib';
import { afterAll, expect, it, vi } from 'vitest';
import { openBrokerTap, type BrokerTap, type ReceivedMessage } from './broker-tap.js';

const BROKER = { host: '127.0.0.1', port: 5672 };

/** A TCP relay to the broker whose connections the test can cut, as a network outage would. */
async function startRelay(): Promise<{ url: string; cut: () => void; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connectTcp(BROKER);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `amqp://guest:guest@127.0.0.1:${port}`,
    cut: () => sockets.forEach((s) => s.destroy()),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

it('connects again after the connection drops, says what it could not hear, and hears what is published after', async () => {
  const exchange = `accordtest-reconnect-${randomBytes(4).toString('hex')}`;
  const publisherConnection = await connectAmqp(`amqp://guest:guest@${BROKER.host}:${BROKER.port}`);
  cleanup.push(() => publisherConnection.close());
  const publisher = await publisherConnection.createChannel();
  await publisher.assertExchange(exchange, 'topic', { durable: false, autoDelete: false });
  cleanup.push(() => publisher.deleteExchange(exchange));

  const relay = await startRelay();
  cleanup.push(relay.close);
  const heard: string[] = [];
  const errors: string[] = [];
  const notices: string[] = [];
  const tap: BrokerTap = await openBrokerTap({
    url: relay.url,
    patterns: [{ pattern: 'stock.#', exchange }],
    onMessage: (m: ReceivedMessage) => heard.push(Buffer.from(m.payload).toString()),
    onError: (e) => errors.push(e.message),
    onNotice: (n) => notices.push(n),
  });
  cleanup.push(() => tap.close());
  const publish = (body: string) => publisher.publish(exchange, 'stock.s1.adjusted', Buffer.from(body));

  publish('before');
  await vi.waitFor(() => expect(heard).toEqual(['before']), { timeout: 10_000 });
  relay.cut();
  await vi.waitFor(() => expect(errors.some((e) => /connection closed; reconnecting \(messages published from .* until then are not heard\)/.test(e))).toBe(true), { timeout: 10_000 });
  await vi.waitFor(() => expect(notices).toEqual([expect.stringMatching(/^reconnected to the AMQP broker; messages published since .* were not heard$/)]), { timeout: 15_000 });
  publish('after');
  await vi.waitFor(() => expect(heard).toEqual(['before', 'after']), { timeout: 10_000 });
});
