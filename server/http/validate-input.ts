import type { z } from 'zod';
import { describeInputIssue, InvalidInput, toJsonPointer } from '../shared/index.js';

/**
 * Validates a request body or query against a zod schema. Schemas are strict, so fields the client
 * may not set (ids, owners, timestamps) are rejected by name instead of silently ignored.
 */
export function validateInput<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' = 'body'): z.output<S> {
  // Messages Accord words itself name their field; a schema's own message (a refinement's) does not.
  const named = new Set<string>();
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}), {
    error: (issue) => {
      const problem = describeInputIssue(issue);
      if (problem === undefined) return undefined;
      const message = `${fieldOf(issue.path ?? [], where)} ${problem}`;
      named.add(message);
      return message;
    },
  });
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 50).flatMap((issue) => {
    const base = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ pointer: toJsonPointer([...base, key]), message: `"${key}" is not a field that can be set here` }));
    }
    const pointer = toJsonPointer(base);
    // A schema's own message that is a predicate ("must lie between …") gets its field as subject.
    if (!named.has(issue.message) && pointer && issue.message.startsWith('must ')) {
      const message = `${fieldOf(base, where)} ${issue.message}`;
      named.add(message);
      return [{ pointer, message }];
    }
    return [{ pointer, message: issue.message }];
  });
  const first = issues[0]!;
  if (first.pointer === '' && named.has(first.message)) throw new InvalidInput(first.message, issues);
  const summary = named.has(first.message) || !first.pointer ? first.message : `${first.message} (at ${first.pointer})`;
  throw new InvalidInput(`the request ${where} is invalid: ${summary}`, issues);
}

/** A top-level field by its name, a nested one by its pointer, the whole input as what it is. */
function fieldOf(path: readonly PropertyKey[], where: 'body' | 'query'): string {
  if (path.length === 0) return `the request ${where}`;
  if (path.length === 1) return String(path[0]);
  return toJsonPointer(path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
}
