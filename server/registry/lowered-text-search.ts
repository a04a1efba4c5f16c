import { sql, type Column, type SQL } from 'drizzle-orm';
import { likePattern } from './like-pattern.js';

/**
 * Case-insensitive substring match against a column the database keeps lower-cased: the query is
 * lowered once, by the same `lower()` that wrote the column, and each row costs a plain LIKE
 * instead of an ILIKE that joins and lower-cases the row's columns again on every keystroke.
 */
export function loweredTextSearch(q: string, lowered: Column): SQL {
  return sql`${lowered} like lower(${likePattern(q)})`;
}
