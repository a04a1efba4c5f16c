import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { Pool, type Dispatcher } from 'undici';
import type { HttpContract } from './compile-http-contract.js';
import { createProxyMetrics, type ProxyMetrics } from './create-proxy-metrics.js';
import type { TrafficRecorder, ViolationObservation } from './traffic-recorder.js';

export interface RunningProxy {
  url: string;
  /** Where Prometheus scrapes `GET /metrics`; undefined when metrics are off. */
  metricsUrl: string | undefined;
  metrics: ProxyMetrics;
  close(): Promise<void>;
}

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection; everything else passes unchanged.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-authenticate', 'proxy-authorization']);

/**
 * A reverse proxy in front of one service that forwards every request and answer as they are,
 * streaming both ways, and looks at a bounded copy of each to validate it against the contract
 * after the answer has gone: validation never delays, blocks or changes traffic. An upstream that
 * does not answer gets the client a 502 and counts as a transport error.
 */
export async function startProxy({
  contract,
  recorder,
  upstream,
  contractSlug,
  environment,
  port = 4010,
  host = '0.0.0.0',
  metricsPort = 9464,
  consumerHeader,
  maxBodyBytes = 1024 * 1024,
  connections = 256,
}: {
  contract: HttpContract;
  recorder: TrafficRecorder;
  upstream: string;
  contractSlug: string;
  environment: string;
  port?: number;
  host?: string;
  /** null: no metrics listener. */
  metricsPort?: number | null;
  consumerHeader?: string | undefined;
  maxBodyBytes?: number;
  connections?: number;
}): Promise<RunningProxy> {
  const target = new URL(upstream);
  const prefix = target.pathname.replace(/\/+$/, '');
  const pool = new Pool(target.origin, { connections, pipelining: 1, keepAliveTimeout: 10_000 });
  const metrics = createProxyMetrics({ contract: contractSlug, environment });
  const consumerKey = consumerHeader?.toLowerCase();

  const consumerOf = (headers: IncomingMessage['headers']): string => {
    const named = consumerKey ? headers[consumerKey] : undefined;
    if (typeof named === 'string' && named !== '') return recorder.consumerLabel(named.slice(0, 200));
    // An Accord API key identifies its holder by the prefix the registry lists, never by the key.
    const auth = headers.authorization ?? headers['x-api-key'];
    const key = typeof auth === 'string' ? /(?:^|\s)(acc_[A-Za-z0-9_-]{6})/.exec(auth)?.[1] : undefined;
    return recorder.consumerLabel(key ? `api-key:${key}` : 'unknown');
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    const method = req.method ?? 'GET';
    const matched = contract.matcher.match(method, path);
    const consumer = consumerOf(req.headers);
    const hasBody = req.headers['content-length'] !== undefined ? req.headers['content-length'] !== '0' : req.headers['transfer-encoding'] !== undefined;
    const requestCopy = matched && hasBody ? new BoundedCopy(maxBodyBytes) : undefined;
    const responseCopy = matched && method !== 'HEAD' ? new BoundedCopy(maxBodyBytes) : undefined;
    let status = 0;
    let responseHeaders: Record<string, string | string[] | undefined> = {};
    let controller: Dispatcher.DispatchController | undefined;

    const headers: string[] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      if (!HOP_BY_HOP.has(req.rawHeaders[i]!.toLowerCase())) headers.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    }
    if (requestCopy) req.on('data', (chunk: Buffer) => requestCopy.add(chunk));

    const finish = (transportError: boolean, latencyMs = performance.now() - started) => {
      if (!matched) {
        recorder.undocumented(`${method} ${path.slice(0, 500)}`, consumer);
        metrics.undocumented();
        return;
      }
      const violations: ViolationObservation[] = [];
      if (!transportError) {
        try {
          violations.push(...matched.operation.checkRequest({ params: matched.params, query: new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1)), headers: req.headers, body: requestCopy ? requestCopy.value() : undefined }));
          const encoding = responseHeaders['content-encoding'];
          violations.push(...matched.operation.checkResponse({ status, headers: responseHeaders, body: responseCopy ? decoded(responseCopy.value(), encoding, maxBodyBytes) : undefined }, method));
        } catch (error) {
          // A validator that throws is Accord's bug, not the service's: traffic goes on, the reason is kept.
          violations.push({ pointer: '', rule: 'validator-failed', message: (error as Error).message.slice(0, 500) });
        }
      }
      recorder.observe({ operation: matched.operation.key, consumer, ...(transportError ? { transportError: true } : { status }), latencyMs, violations });
      metrics.observe(matched.operation.key, consumer, transportError ? undefined : status, latencyMs / 1000, violations.map((v) => v.rule));
    };

    let clientGone = false;
    res.on('close', () => {
      if (res.writableFinished) return;
      clientGone = true;
      controller?.abort(new Error('the client went away'));
    });

    pool.dispatch(
      { path: prefix + url, method: method as Dispatcher.HttpMethod, headers, body: hasBody ? req : null },
      {
        onRequestStart(c) {
          controller = c;
        },
        onResponseStart(_c, statusCode, upstreamHeaders, statusMessage) {
          if (statusCode < 200) return;
          status = statusCode;
          responseHeaders = upstreamHeaders as Record<string, string | string[] | undefined>;
          const out: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(upstreamHeaders)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
          res.writeHead(statusCode, statusMessage ?? '', out);
        },
        onResponseData(c, chunk) {
          responseCopy?.add(chunk);
          if (!res.write(chunk)) {
            c.pause();
            res.once('drain', () => c.resume());
          }
        },
        onResponseEnd() {
          res.end();
          // Validation waits until the sockets that became ready with this one have been served:
          // run here, it would hold up every request and answer that arrived in the same turn.
          setImmediate(finish, false, performance.now() - started);
        },
        onResponseError(_c, error) {
          if (!res.headersSent) {
            res.writeHead(502, { 'content-type': 'application/problem+json' }).end(
              JSON.stringify({ type: 'about:blank', title: 'Bad Gateway', status: 502, code: 'upstream-unreachable', detail: `the upstream ${target.origin} did not answer: ${(error as { code?: string }).code ?? error.message}` }),
            );
          } else res.destroy(error);
          // The client leaving is no fault of the upstream's.
          if (!clientGone) finish(true);
        },
      },
    );
  };

  const server = createServer({ keepAliveTimeout: 65_000 }, handle);
  await listen(server, port, host);
  let metricsServer: ReturnType<typeof createServer> | undefined;
  if (metricsPort !== null) {
    metricsServer = createServer((req, res) => {
      if (req.url === '/metrics' && (req.method === 'GET' || req.method === 'HEAD')) res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(metrics.render());
      else res.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, code: 'not-found', detail: `${req.url} is not here; Prometheus metrics are at /metrics` }));
    });
    await listen(metricsServer, metricsPort, host);
  }
  const origin = (s: ReturnType<typeof createServer>) => {
    const { address, port: p, family } = s.address() as AddressInfo;
    const name = address === '0.0.0.0' || address === '::' ? '127.0.0.1' : family === 'IPv6' ? `[${address}]` : address;
    return `http://${name}:${p}`;
  };
  return {
    url: origin(server),
    metricsUrl: metricsServer ? `${origin(metricsServer)}/metrics` : undefined,
    metrics,
    async close() {
      server.closeIdleConnections();
      await Promise.all([new Promise((resolve) => server.close(resolve)), metricsServer && new Promise((resolve) => metricsServer!.close(resolve))]);
      await pool.close();
    },
  };
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string) {
  return new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, () => resolve()));
}

/** Up to `limit` bytes of a body; past that, null: too large to check, never too large to pass. */
class BoundedCopy {
  private chunks: Buffer[] = [];
  private size = 0;
  private overflow = false;
  constructor(private readonly limit: number) {}
  add(chunk: Buffer) {
    if (this.overflow) return;
    this.size += chunk.length;
    if (this.size > this.limit) {
      this.overflow = true;
      this.chunks = [];
    } else this.chunks.push(chunk);
  }
  value(): Buffer | null {
    if (this.overflow) return null;
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
  }
}

function decoded(body: Buffer | null, encoding: string | string[] | undefined, limit: number): Buffer | null {
  if (body === null || encoding === undefined || encoding === 'identity') return body;
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(body, { maxOutputLength: limit });
    if (encoding === 'deflate') return inflateSync(body, { maxOutputLength: limit });
    if (encoding === 'br') return brotliDecompressSync(body, { maxOutputLength: limit });
  } catch {
    // Larger than the limit once inflated, or not what it says: not checked.
  }
  return null;
}
