import { createHash } from 'node:crypto';

/**
 * `sha256:<hex>` over the canonical JSON of a value (object keys sorted, no whitespace), so the same
 * content hashes equal whether it arrived as YAML or JSON, indented or minified.
 */
export function contentHash(value: unknown): string {
  const hash = createHash('sha256');
  // Chunks are batched: one hash update per tiny token costs more than the hashing itself.
  let pending = '';
  writeCanonical(value, (chunk) => {
    pending += chunk;
    if (pending.length > 65536) {
      hash.update(pending);
      pending = '';
    }
  });
  hash.update(pending);
  return `sha256:${hash.digest('hex')}`;
}

function writeCanonical(value: unknown, write: (chunk: string) => void): void {
  if (value === null || typeof value !== 'object') {
    write(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    write('[');
    value.forEach((item, i) => {
      if (i > 0) write(',');
      writeCanonical(item, write);
    });
    write(']');
    return;
  }
  write('{');
  let first = true;
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    if (!first) write(',');
    first = false;
    write(JSON.stringify(key));
    write(':');
    writeCanonical(item, write);
  }
  write('}');
}
