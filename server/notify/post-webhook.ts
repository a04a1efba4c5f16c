import http from 'node:http';
import https from 'node:https';
import { guardedLookup, type Resolve } from './guarded-lookup.js';
import { webhookUrlRefusal } from './webhook-url-refusal.js';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Lets requests reach loopback and private networks: for tests and closed installations only. */
  allowPrivate: boolean;
  /** For the whole attempt: resolving, connecting, sending and the response headers. */
  timeoutMs?: number;
  /** Response bytes read before the connection is dropped; only the status matters. */
  maxResponseBytes?: number;
  /** Stands in for DNS in tests; the system resolver otherwise. */
  resolve?: Resolve;
}

/** What one attempt came to: a 2xx status is `ok`; anything else carries an `error` for the log. */
export interface WebhookOutcome {
  ok: boolean;
  status: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * POSTs one webhook over node:http(s) with the SSRF guard: only http and https, no credentials in
 * the URL, literal IPs and resolved addresses both checked, one fresh connection per attempt, a
 * time limit, a bounded read of the answer, and no redirects, since following one would let a
 * public receiver point Accord at an internal address.
 */
export function postWebhook({ url, headers, body, allowPrivate, timeoutMs = 10_000, maxResponseBytes = 4096, resolve }: WebhookRequest): Promise<WebhookOutcome> {
  const started = performance.now();
  const outcome = (status: number | null, error: string | null): WebhookOutcome => ({ ok: error === null, status, error, durationMs: Math.round(performance.now() - started) });
  const refusal = webhookUrlRefusal(url, { allowPrivate });
  if (refusal) return Promise.resolve(outcome(null, refusal));
  const target = new URL(url);
  const send = target.protocol === 'https:' ? https.request : http.request;

  return new Promise((settle) => {
    let settled = false;
    const finish = (status: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      settle(outcome(status, error));
    };
    const request = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Accord-Webhooks/1' },
        agent: false,
        lookup: guardedLookup({ allowPrivate, ...(resolve && { resolve }) }),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > maxResponseBytes) response.destroy();
        });
        // A receiver that drops the connection mid-body has still answered with its status.
        response.on('error', () => {});
        response.on('close', () => finish(status, errorOf(status, response.headers.location)));
      },
    );
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    request.on('error', (error) => finish(null, error.message.slice(0, 500)));
    request.end(body);
  });
}

function errorOf(status: number, location: string | undefined): string | null {
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400) return `the receiver answered ${status}${location ? ` (to ${location.slice(0, 200)})` : ''}; redirects are not followed`;
  return `the receiver answered ${status}`;
}
