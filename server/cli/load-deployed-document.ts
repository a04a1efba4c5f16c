import type { Deployment } from '../registry/index.js';
import type { AccordClient } from './accord-client.js';
import { UsageError } from './cli-errors.js';

/**
 * The document of the version a contract runs in an environment (its latest deployment there),
 * or of `version` when given, as the traffic tester validates against it.
 */
export async function loadDeployedDocument(client: AccordClient, { contract, environment, version }: { contract: string; environment: string; version?: string | undefined }) {
  let chosen = version;
  let address: string | undefined;
  if (!chosen) {
    const slug = encodeURIComponent(contract);
    let cursor: string | undefined;
    do {
      const { body } = await client.request<{ items: Deployment[]; nextCursor: string | null }>('GET', `/contracts/${slug}/deployments`, { query: { limit: 100, cursor } });
      const found = body.items.find((d) => d.environment === environment);
      if (found) {
        chosen = found.version;
        address = found.address;
        break;
      }
      cursor = body.nextCursor ?? undefined;
    } while (cursor);
    if (!chosen) throw new UsageError(`${contract} has no deployment in ${environment}; record one with "accord deploy ${contract} <version> --env ${environment} --address <url>" or name the version with --version`);
  }
  const { body: document } = await client.request<Record<string, unknown>>('GET', `/contracts/${encodeURIComponent(contract)}/versions/${encodeURIComponent(chosen)}/document`);
  return { version: chosen, document, address };
}

/** `10s`, `500ms`, `2m`, or plain milliseconds. */
export function parseDurationMs(text: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new UsageError(`${option} takes a duration such as 500ms, 10s or 2m; got "${text}"`);
  const value = Number(match[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 'ms']!;
  if (value < 50) throw new UsageError(`${option} must be at least 50ms; got "${text}"`);
  return value;
}
