import type { z } from 'zod';
import { plural } from './plural.js';
import { withArticle } from './with-article.js';

const EXAMPLE_FORMATS: Record<string, string> = {
  datetime: 'a timestamp with a time zone such as 2030-01-31T00:00:00Z',
  date: 'a date such as 2030-01-31',
  email: 'an email address',
  url: 'a URL',
  uuid: 'a UUID',
};

/**
 * What is wrong with one value of a request, as the end of a sentence whose subject is the field
 * ("is required", "must have at most 200 characters"). Zod's own messages ("Too small: expected
 * string to have >=1 characters") speak its internals; this speaks of the value the client sent.
 * Undefined leaves zod's message for an issue Accord's schemas do not raise.
 */
export function describeInputIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return wrongType(issue.expected, issue.input);
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive !== false);
    case 'too_big':
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive !== false);
    case 'invalid_value':
      return `must be ${oneOf(issue.values.map((v) => JSON.stringify(v)))}`;
    case 'invalid_format':
      return issue.format in EXAMPLE_FORMATS ? `must be ${EXAMPLE_FORMATS[issue.format]}` : undefined;
    case 'invalid_union': {
      // A union of formats (a date or a timestamp) reads as the list of what would have done.
      const forms = issue.errors.map((branch) => (branch.length === 1 ? describeInputIssue(branch[0] as z.core.$ZodRawIssue) : undefined));
      return forms.every((f) => f?.startsWith('must be ')) ? `must be ${oneOf(forms.map((f) => f!.slice('must be '.length)), '')}` : undefined;
    }
    default:
      return undefined;
  }
}

function wrongType(expected: string, input: unknown): string {
  if (input === undefined) return 'is required';
  const wanted = expected === 'int' ? 'a whole number' : expected === 'boolean' ? 'true or false' : withArticle(expected);
  // A query parameter coerced to a number arrives as NaN, which says nothing about what was sent.
  if (typeof input === 'number' && Number.isNaN(input)) return `must be ${wanted}`;
  return `must be ${wanted}, not ${kindOf(input)}`;
}

function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'number') return Number.isInteger(input) ? 'a number' : `the fraction ${input}`;
  if (typeof input === 'boolean') return String(input);
  return withArticle(typeof input);
}

function tooSmall(origin: string, minimum: number, inclusive: boolean): string | undefined {
  if (origin === 'string') return minimum <= 1 ? 'must not be empty' : `must have at least ${plural(minimum, 'character')}`;
  if (origin === 'array' || origin === 'set') return minimum <= 1 ? 'must not be empty' : `must hold at least ${plural(minimum, 'item')}`;
  if (origin === 'number' || origin === 'int' || origin === 'bigint') return inclusive ? `must be at least ${minimum}` : `must be greater than ${minimum}`;
  return undefined;
}

function tooBig(origin: string, maximum: number, inclusive: boolean): string | undefined {
  if (origin === 'string') return `must have at most ${plural(maximum, 'character')}`;
  if (origin === 'array' || origin === 'set') return `must hold at most ${plural(maximum, 'item')}`;
  if (origin === 'number' || origin === 'int' || origin === 'bigint') return inclusive ? `must be at most ${maximum}` : `must be less than ${maximum}`;
  return undefined;
}

/** `"a"`, `"a" or "b"`, `one of "a", "b" or "c"`. */
function oneOf(words: readonly string[], lead = 'one of '): string {
  if (words.length <= 2) return words.join(' or ');
  return `${lead}${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
