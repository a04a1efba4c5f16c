/** Names whose values never leave the listener, whatever `--redact` adds. */
const ALWAYS_REDACTED = /^(authorization|cookie|set-cookie|password|passwd|secret|token|access_token|refresh_token|api[-_]?key|client_secret)$/i;

const SAMPLE_LIMIT = 1024;

/**
 * A short JSON text of a message for a violation report, with credentials and the fields named in
 * `--redact` replaced, at any depth. Samples show the shape that broke the contract, not the data.
 */
export function redactedSample(value: unknown, redact: ReadonlySet<string>): string {
  const text = JSON.stringify(value, (key, v: unknown) => (key !== '' && (ALWAYS_REDACTED.test(key) || redact.has(key.toLowerCase())) ? '[redacted]' : v)) ?? String(value);
  return text.length > SAMPLE_LIMIT ? `${text.slice(0, SAMPLE_LIMIT)}…` : text;
}
