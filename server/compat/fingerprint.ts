import { isJsonObject } from './json-object.js';

// Values built from YAML aliases may nest without end; beyond this depth they count as equal.
const MAX_DEPTH = 64;

/** A canonical text for a JSON value, so that the order of an object's keys is never a change. */
export function fingerprint(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) return '…';
  if (Array.isArray(value)) return `[${value.map((item) => fingerprint(item, depth + 1)).join(',')}]`;
  if (isJsonObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${fingerprint(value[key], depth + 1)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
