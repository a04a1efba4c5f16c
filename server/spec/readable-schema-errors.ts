import type { ErrorObject } from 'ajv';
import { plural, type Issue } from '../shared/index.js';

/**
 * Ajv reports every failed branch of every `oneOf` (a value is usually "a Reference or an X"), so
 * the raw list is long and mostly beside the point. Keep one error per location, deepest first,
 * so the most precise explanation leads.
 */
export function readableSchemaErrors(errors: ErrorObject[]): Issue[] {
  const byPointer = new Map<string, Issue>();
  for (const error of errors) {
    const params = error.params as { additionalProperty?: string; missingProperty?: string };
    if (['oneOf', 'anyOf', 'if', '$ref'].includes(error.keyword) || params.missingProperty === '$ref') continue;
    const pointer = params.additionalProperty ? `${error.instancePath}/${params.additionalProperty}` : error.instancePath;
    if (byPointer.has(pointer)) continue;
    const message = params.additionalProperty
      ? `"${params.additionalProperty}" is not allowed here`
      : params.missingProperty
        ? `"${params.missingProperty}" is required`
        : describeSchemaError(error);
    byPointer.set(pointer, { pointer, message, code: 'spec-invalid' });
  }
  const first = errors[0];
  if (byPointer.size === 0 && first) byPointer.set(first.instancePath, { pointer: first.instancePath, message: describeSchemaError(first), code: 'spec-invalid' });
  return [...byPointer.values()].sort((a, b) => b.pointer!.split('/').length - a.pointer!.split('/').length).slice(0, 50);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

/**
 * Ajv words an error for people who read JSON Schema ("must be string", "must NOT have fewer than
 * 1 properties", "must be equal to one of the allowed values"); a contract's author reads YAML, so
 * the common keywords say it in those terms and list the allowed values.
 */
function describeSchemaError(error: ErrorObject): string {
  const params = error.params as { type?: string | string[]; allowedValues?: unknown[]; allowedValue?: unknown; limit?: number; comparison?: string; i?: number; j?: number };
  switch (error.keyword) {
    case 'type':
      return `must be ${[params.type ?? []].flat().map((t) => TYPE_NAMES[t] ?? t).join(' or ')}`;
    // Inside one branch of a oneOf, the values are only that branch's ("in" must be "query" when
    // the branch for path parameters failed on another field), so listing them would mislead.
    case 'enum':
      return inBranch(error) || !params.allowedValues || params.allowedValues.length > 12 ? 'must be one of the values allowed here' : `must be ${oneOf(params.allowedValues.map((v) => JSON.stringify(v)))}`;
    case 'const':
      return inBranch(error) ? 'must be one of the values allowed here' : `must be ${JSON.stringify(params.allowedValue)}`;
    case 'minProperties':
      return params.limit === 1 ? 'must not be empty' : `must have at least ${plural(params.limit ?? 0, 'entry', 'entries')}`;
    case 'minItems':
      return params.limit === 1 ? 'must not be empty' : `must hold at least ${plural(params.limit ?? 0, 'item')}`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must have at least ${plural(params.limit ?? 0, 'character')}`;
    case 'uniqueItems':
      return `must not repeat an item (items ${params.j} and ${params.i} are the same)`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${{ '>=': 'at least', '<=': 'at most', '>': 'greater than', '<': 'less than' }[params.comparison ?? ''] ?? params.comparison} ${params.limit}`;
    default:
      return error.message ?? 'is invalid';
  }
}

const inBranch = (error: ErrorObject) => /\/(oneOf|anyOf)\/\d+\//.test(error.schemaPath);

/** `"a"`, `"a" or "b"`, `one of "a", "b" or "c"`. */
function oneOf(words: readonly string[]): string {
  if (words.length <= 2) return words.join(' or ');
  return `one of ${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
