/**
 * A LIKE pattern that finds `q` anywhere in a text. LIKE's own wildcards in the query are escaped,
 * so `100%` finds "100%", not everything.
 */
export const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
