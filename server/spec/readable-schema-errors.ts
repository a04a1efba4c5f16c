import type { ErrorObject } from 'ajv';
import type { Issue } from '../shared/index.js';

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
        : (error.message ?? 'is invalid');
    byPointer.set(pointer, { pointer, message, code: 'spec-invalid' });
  }
  const first = errors[0];
  if (byPointer.size === 0 && first) byPointer.set(first.instancePath, { pointer: first.instancePath, message: first.message ?? 'is invalid', code: 'spec-invalid' });
  return [...byPointer.values()].sort((a, b) => b.pointer!.split('/').length - a.pointer!.split('/').length).slice(0, 50);
}
