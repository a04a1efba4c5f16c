import { z } from 'zod';

// Paging itself is shared with other modules' lists (the audit log); the cursor shapes are the registry's.
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, encodeCursor, readPageRequest, toPage } from '../shared/index.js';

/** Cursor shapes: the sort key of the last row a page showed. */
export const slugCursor = z.string().min(1).max(64);
export const idCursor = z.uuid();
