import type { Problem } from '../http/index.js';
import { RejectedByAccord, ServerUnreachable, UsageError } from './cli-errors.js';
import { formatBytes } from './format-bytes.js';
import { progressBar } from './progress-bar.js';

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** What a large body is, for the progress shown while it uploads: `orders.yaml`. */
  uploading?: string;
}

export interface AccordClient {
  server: string;
  request<T>(method: string, path: string, options?: RequestOptions): Promise<{ status: number; body: T }>;
}

/** Bodies from this size on are sent in chunks, with progress on a terminal. */
export const UPLOAD_PROGRESS_BYTES = 2_000_000;
const CHUNK_BYTES = 256 * 1024;

/** A thin HTTP client for Accord's REST API: bearer token when configured, problems become errors. */
export function createAccordClient({ server, token, timeoutMs = 120_000 }: { server: string; token?: string | undefined; timeoutMs?: number }): AccordClient {
  // "localhost:4000" parses as a URL with the scheme "localhost:", and would be called unreachable.
  if (!/^https?:\/\//i.test(server)) throw new UsageError(`--server / ACCORD_URL must be an http:// or https:// URL, e.g. http://${server.replace(/^[a-z]+:\/\//i, '')}; got "${server}"`);
  const base = server.replace(/\/+$/, '');
  return {
    server: base,
    async request<T>(method: string, path: string, { body, query, uploading }: RequestOptions = {}) {
      const url = new URL(`${base}/api/v1${path}`);
      for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            accept: 'application/json, application/problem+json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          ...bodyOf(body, uploading),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
        throw new ServerUnreachable(`cannot reach Accord at ${base} (${reason}); start it with "accord serve" or set --server / ACCORD_URL`);
      }
      const text = await response.text();
      const parsed = text ? safeJson(text) : undefined;
      if (!response.ok) {
        const problem = (parsed ?? {}) as Partial<Problem>;
        throw new RejectedByAccord({
          // Extension members first: they carry what the standard ones cannot, e.g. blocking findings.
          ...problem,
          type: problem.type ?? 'about:blank',
          title: problem.title ?? response.statusText,
          status: response.status,
          detail: problem.detail ?? (text.slice(0, 500) || response.statusText),
          code: problem.code ?? `http-${response.status}`,
        });
      }
      // Accord answers JSON, except where a format is the point (Prometheus rules are YAML).
      return { status: response.status, body: (parsed ?? (text || undefined)) as T };
    },
  };
}

/**
 * A large body goes out as a stream of chunks, so a terminal can show how much is sent, and then
 * that Accord is reading it: a 9 MB document otherwise looks like a hung command.
 */
function bodyOf(body: unknown, uploading: string | undefined): { body?: string | ReadableStream<Uint8Array>; duplex?: 'half' } {
  if (body === undefined) return {};
  const text = JSON.stringify(body);
  if (uploading === undefined || text.length < UPLOAD_PROGRESS_BYTES) return { body: text };
  const bytes = Buffer.from(text);
  const bar = progressBar(bytes.byteLength, { unit: 'bytes' });
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes.byteLength) {
        bar.done();
        process.stderr.isTTY && process.stderr.write(`sent ${formatBytes(bytes.byteLength)} of ${uploading}; Accord is reading it…\n`);
        return controller.close();
      }
      const chunk = bytes.subarray(sent, sent + CHUNK_BYTES);
      sent += chunk.byteLength;
      bar.update(sent, `uploading ${uploading}`);
      controller.enqueue(chunk);
    },
  });
  return { body: stream, duplex: 'half' };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
