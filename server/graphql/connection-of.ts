import { encodeCursor, type Page } from '../shared/index.js';

/** Relay paging arguments, as every connection field takes them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** The REST page request for Relay arguments: `first` is the page size, `after` a cursor a connection issued. */
export const pageRequestOf = ({ first, after }: PageArgs) => ({ ...(first != null && { limit: first }), ...(after != null && { cursor: after }) });

/**
 * A registry page as a Relay connection. Each edge's cursor is the keyset cursor REST would issue
 * after that row (its sort key), so it stays valid whatever is inserted around it. `totalCount`
 * is a function, so the count is only run when a query asks for it.
 */
export function connectionOf<T>(page: Page<T>, sortKeyOf: (node: T) => unknown, totalCount?: () => Promise<number>) {
  return keyedConnectionOf({ items: page.items.map((node) => ({ cursor: encodeCursor(sortKeyOf(node)), node })), nextCursor: page.nextCursor }, totalCount);
}

/** As `connectionOf`, for a page whose rows come with their cursors. */
export function keyedConnectionOf<T>(page: Page<{ cursor: string; node: T }>, totalCount?: () => Promise<number>) {
  return {
    edges: page.items,
    pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.items.at(-1)?.cursor ?? null },
    ...(totalCount && { totalCount }),
  };
}
