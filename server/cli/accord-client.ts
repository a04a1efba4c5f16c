import type { Problem } from '../http/index.js';
import { RejectedByAccord, ServerUnreachable, UsageError } from './cli-errors.js';

export interface AccordClient {
  server: string;
  request<T>(method: string, path: string, options?: { body?: unknown; query?: Record<string, string | number | undefined> }): Promise<{ status: number; body: T }>;
}

/** A thin HTTP client for Accord's REST API: bearer token when configured, problems become errors. */
export function createAccordClient({ server, token, timeoutMs = 120_000 }: { server: string; token?: string | undefined; timeoutMs?: number }): AccordClient {
  // "localhost:4000" parses as a URL with the scheme "localhost:", and would be called unreachable.
  if (!/^https?:\/\//i.test(server)) throw new UsageError(`--server / ACCORD_URL must be an http:// or https:// URL, e.g. http://${server.replace(/^[a-z]+:\/\//i, '')}; got "${server}"`);
  const base = server.replace(/\/+$/, '');
  return {
    server: base,
    async request<T>(method: string, path: string, { body, query }: { body?: unknown; query?: Record<string, string | number | undefined> } = {}) {
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
          body: body === undefined ? undefined : JSON.stringify(body),
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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
