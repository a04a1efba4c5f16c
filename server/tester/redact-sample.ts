/** Names whose values are credentials wherever they appear: headers, bodies, payloads. */
const ALWAYS_REDACTED = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key', 'password', 'secret', 'token', 'access_token', 'refresh_token'];
const MAX_SAMPLE = 4096;

/**
 * The sample of a violation as the registry may store it: JSON with the values of credential
 * fields and of the fields named in `--redact` (any depth, any case) replaced, cut to 4 KiB.
 */
export function redactSample(value: unknown, { fields = [] }: { fields?: readonly string[] } = {}): string {
  const hidden = new Set([...ALWAYS_REDACTED, ...fields.map((f) => f.toLowerCase())]);
  const walk = (node: unknown, depth: number): unknown => {
    if (depth > 32) return '[deep]';
    if (Array.isArray(node)) return node.slice(0, 50).map((item) => walk(item, depth + 1));
    if (node === null || typeof node !== 'object') return typeof node === 'string' && node.length > 512 ? `${node.slice(0, 512)}…` : node;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(node)) out[key] = hidden.has(key.toLowerCase()) ? '[redacted]' : walk(item, depth + 1);
    return out;
  };
  const text = JSON.stringify(walk(value, 0)) ?? 'undefined';
  return text.length > MAX_SAMPLE ? `${text.slice(0, MAX_SAMPLE - 1)}…` : text;
}
