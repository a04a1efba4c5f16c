import { InvalidInput } from '../shared/index.js';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MAX_MS = 400 * UNIT_MS.d;

/**
 * The range a traffic field reads: `from`/`to` as given, or the `last` stretch (`15m`, `24h`,
 * `7d`) up to `to` or now. Naming both `last` and `from` is ambiguous, so it is refused.
 */
export function rangeOfLast({ from, to, last }: { from?: Date | null; to?: Date | null; last?: string | null }, now: Date): { from?: Date; to?: Date } {
  if (last == null) return { ...(from != null && { from }), ...(to != null && { to }) };
  if (from != null) throw new InvalidInput('give either last or from, not both', [{ pointer: '/last', message: 'given with from' }]);
  const match = /^([1-9]\d{0,5})([mhd])$/.exec(last);
  const span = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : NaN;
  if (!(span <= MAX_MS)) throw new InvalidInput('last must be a number and a unit, m, h or d (such as 15m, 24h, 7d), of at most 400 days', [{ pointer: '/last', message: `"${last}" is not a stretch of time` }]);
  const end = to ?? now;
  return { from: new Date(end.getTime() - span), to: end };
}
