import { sql, type Column, type SQL } from 'drizzle-orm';

/**
 * Case-insensitive substring match of a free-text query against several columns. LIKE wildcards
 * in the query are escaped so `100%` finds "100%", not everything. The columns are matched as one
 * text, a line each: one comparison per row instead of one per column is what a keystroke's scan
 * of the catalog costs, and no typed query holds a line break to match across two of them.
 */
export function textSearch(q: string, columns: (Column | SQL)[]): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  return sql`concat_ws(E'\\n', ${sql.join(columns, sql`, `)}) ilike ${pattern}`;
}
