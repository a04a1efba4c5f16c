import { customType } from 'drizzle-orm/pg-core';

/**
 * A `json` column that accepts JSON text as-is on write. Large documents are serialised once, in
 * the spec worker, instead of being parsed and re-stringified on the request thread. `json` rather
 * than `jsonb` keeps the author's key order for display.
 */
export const jsonText = customType<{ data: unknown; driverData: string }>({
  dataType: () => 'json',
  toDriver: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
});
