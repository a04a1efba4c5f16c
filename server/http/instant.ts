import { z } from 'zod';

// The text formats allow year 0000, which PostgreSQL cannot store (it has no year 0), and an offset
// can carry 9999-12-31 into year 10000. No instant Accord keeps lies outside these years, so a
// value beyond them is a 422 naming its field rather than a database error.
const EARLIEST_MS = Date.UTC(1970, 0, 1);
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * An ISO 8601 timestamp with `Z` or an offset, between 1970 and 9999 (UTC); with `dates`, also a
 * bare date, meaning its midnight in UTC.
 */
export function instant({ dates = false }: { dates?: boolean } = {}) {
  const text = dates ? z.union([z.iso.datetime({ offset: true }), z.iso.date()]) : z.iso.datetime({ offset: true });
  return text
    .transform((at) => new Date(at))
    .refine((at) => at.getTime() >= EARLIEST_MS && at.getTime() <= LATEST_MS, 'must lie between 1970-01-01 and 9999-12-31 (UTC)');
}
