import { InvalidInput } from '../shared/index.js';
import type { Page, PageRequest } from './registry-types.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Resolves the page size (hard cap) and decodes the keyset cursor of a list request. */
export function readPageRequest<K>(request: PageRequest): { limit: number; after: K | undefined } {
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new InvalidInput(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`, [{ pointer: '/limit', message: 'out of range' }]);
  }
  if (request.cursor === undefined) return { limit, after: undefined };
  try {
    return { limit, after: JSON.parse(Buffer.from(request.cursor, 'base64url').toString('utf8')) as K };
  } catch {
    throw new InvalidInput('cursor is not one this server issued', [{ pointer: '/cursor', message: 'malformed cursor' }], 'invalid-cursor');
  }
}

/** Cuts a `limit + 1` query result into a page and the cursor of its last row. */
export function toPage<Row, T>(rows: Row[], limit: number, keyOf: (row: Row) => unknown, map: (row: Row) => T): Page<T> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  return {
    items: shown.map(map),
    nextCursor: more && last !== undefined ? Buffer.from(JSON.stringify(keyOf(last))).toString('base64url') : null,
  };
}
