import { sql, type Column, type SQL } from 'drizzle-orm';
import { likePattern } from './like-pattern.js';

/**
 * Case-insensitive substring match of a free-text query against several columns. The columns are
 * matched as one text, a line each: one comparison per row instead of one per column, and no typed
 * query holds a line break to match across two of them.
 */
export function textSearch(q: string, columns: (Column | SQL)[]): SQL {
  return sql`concat_ws(E'\\n', ${sql.join(columns, sql`, `)}) ilike ${likePattern(q)}`;
}
