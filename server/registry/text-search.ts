import { ilike, type Column, type SQL } from 'drizzle-orm';

/**
 * Case-insensitive substring match of a free-text query against several columns. LIKE wildcards
 * in the query are escaped so `100%` finds "100%", not everything.
 */
export function textSearch(q: string, columns: (Column | SQL)[]): SQL[] {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  return columns.map((c) => ilike(c, pattern));
}
