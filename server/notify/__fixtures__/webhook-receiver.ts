import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  event: { id: string; type: string; subject?: string; specversion: string; source: string; time: string; datacontenttype: string; data: Record<string, unknown> };
  /** Whether the signature checked out against the secret registered for the path. */
  verified: boolean;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The secret each path verifies with. */
  secrets: Map<string, string>;
  /** How the receiver answers; by default 200 to everything. */
  answer: (request: ReceivedWebhook, earlier: ReceivedWebhook[]) => Answer;
  at(path: string): ReceivedWebhook[];
  close(): Promise<void>;
}

/**
 * A webhook receiver on an ephemeral local port, verifying signatures the way the README tells
 * receivers to (deliberately not through Accord's own helper, so the two are checked against each
 * other): HMAC-SHA256 over "<t>.<body>" with the secret, compared in constant time, `t` recent.
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    secrets: new Map(),
    answer: () => ({ status: 200 }),
    at: (path) => receiver.received.filter((r) => r.path === path),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      let event: ReceivedWebhook['event'];
      try {
        event = JSON.parse(body) as ReceivedWebhook['event'];
      } catch {
        event = {} as ReceivedWebhook['event'];
      }
      const secret = receiver.secrets.get(path);
      const request = { path, headers: req.headers, body, event, verified: secret !== undefined && verify(secret, req.headers['accord-signature'], body) };
      const earlier = receiver.at(path);
      receiver.received.push(request);
      const { status, headers = {}, body: answer = '' } = receiver.answer(request, earlier);
      res.writeHead(status, headers).end(answer);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}

// The README's snippet, as a receiver would write it.
function verify(secret: string, header: string | string[] | undefined, body: string): boolean {
  const fields = new Map(String(header ?? '').split(',').map((part) => part.split('=') as [string, string]));
  const t = Number(fields.get('t'));
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(fields.get('v1') ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
