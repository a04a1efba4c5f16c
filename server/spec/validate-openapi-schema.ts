import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import type { Issue } from '../shared/index.js';
import { readableSchemaErrors } from './readable-schema-errors.js';
import { openApiSchemaValidator, precompiledValidatorFile, type OpenApiFamily } from './openapi-schema-validator.js';

const compiled = new Map<string, ValidateFunction>();

/**
 * Checks an OpenAPI document against the official JSON Schema of its version, compiled once per
 * worker. swagger-parser does the same check but builds a new Ajv and recompiles the schema on
 * every call (100 ms and more per document, measured), so Accord runs it only for its semantic
 * rules and does this part itself, with the same schemas and the same workaround for 3.1.
 */
export async function validateOpenApiSchema(document: object, family: OpenApiFamily): Promise<Issue[]> {
  const validate = compiled.get(family) ?? (await compile(family));
  return validate(document) ? [] : readableSchemaErrors(validate.errors ?? []);
}

async function compile(family: OpenApiFamily): Promise<ValidateFunction> {
  let validate: ValidateFunction;
  try {
    // The build precompiles these validators: compiling the schema costs ~170 ms per process,
    // which every \`accord diff\` and every new worker thread would otherwise pay.
    validate = createRequire(import.meta.url)(precompiledValidatorFile(family)) as ValidateFunction;
  } catch {
    const { ajv, schema } = await openApiSchemaValidator(family);
    validate = ajv.compile(schema);
  }
  compiled.set(family, validate);
  return validate;
}
