import type { z } from 'zod';
import { InvalidInput, toJsonPointer } from '../shared/index.js';

/**
 * Validates a request body or query against a zod schema. Schemas are strict, so fields the client
 * may not set (ids, owners, timestamps) are rejected by name instead of silently ignored.
 */
export function validateInput<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' = 'body'): z.output<S> {
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 50).flatMap((issue) => {
    const base = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ pointer: toJsonPointer([...base, key]), message: `"${key}" is not a field that can be set here` }));
    }
    return [{ pointer: toJsonPointer(base), message: issue.message }];
  });
  const first = issues[0];
  const summary = first ? `${first.message}${first.pointer ? ` (at ${first.pointer})` : ''}` : 'invalid input';
  throw new InvalidInput(`the request ${where} is invalid: ${summary}`, issues);
}
