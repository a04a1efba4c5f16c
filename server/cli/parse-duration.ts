import { UsageError } from './cli-errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** `10s`, `500ms`, `2m`, `1h` (a bare number is seconds) in milliseconds; `option` names the flag in errors. */
export function parseDuration(text: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] ?? 's']! : Number.NaN;
  if (!(ms > 0)) throw new UsageError(`${option} must be a duration such as 10s, 500ms or 2m; got "${text}"`);
  return ms;
}
