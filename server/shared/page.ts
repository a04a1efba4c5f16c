import type { z } from 'zod';
import { InvalidInput } from './errors.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass it back as `cursor` for the next page. Null on the last page. */
  nextCursor: string | null;
}

/**
 * Resolves the page size (hard cap) and decodes the keyset cursor of a list request. A cursor is
 * checked against the shape its list issues, so a forged one is a 400, never a bad query.
 */
export function readPageRequest<K>(request: PageRequest, cursor: z.ZodType<K>): { limit: number; after: K | undefined } {
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new InvalidInput(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`, [{ pointer: '/limit', message: 'out of range' }]);
  }
  if (request.cursor === undefined) return { limit, after: undefined };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(request.cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = cursor.safeParse(decoded);
  if (!parsed.success) {
    throw new InvalidInput('cursor is not one this list issued; start again from the first page, without cursor', [{ pointer: '/cursor', message: 'malformed cursor' }], 'invalid-cursor');
  }
  return { limit, after: parsed.data };
}

/** The opaque form of a keyset cursor: the sort key of a row, as JSON in base64url. */
export const encodeCursor = (key: unknown): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/** Cuts a `limit + 1` query result into a page and the cursor of its last row. */
export function toPage<Row, T>(rows: Row[], limit: number, keyOf: (row: Row) => unknown, map: (row: Row) => T): Page<T> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  return {
    items: shown.map(map),
    nextCursor: more && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
