import type { ValidateFunction } from 'ajv';
import type { Issue } from '../shared/index.js';
import { readableSchemaErrors } from './readable-schema-errors.js';

const compiled = new Map<string, ValidateFunction>();

/**
 * Checks an AsyncAPI document against the official JSON Schema of its version. The AsyncAPI
 * parser does the same through Spectral, but Spectral recompiles that schema on every call
 * (about a second each); here each version is compiled once per worker.
 */
export async function validateAsyncApiSchema(document: object, version: string): Promise<Issue[]> {
  const validate = compiled.get(version) ?? (await compile(version));
  if (!validate) return [{ pointer: '/asyncapi', message: `Accord has no schema for AsyncAPI ${version}` }];
  return validate(document) ? [] : readableSchemaErrors(validate.errors ?? []);
}

async function compile(version: string): Promise<ValidateFunction | undefined> {
  const [{ default: specs }, { Ajv }, formats] = await Promise.all([import('@asyncapi/specs'), import('ajv'), import('ajv-formats')]);
  const schema = structuredClone((specs.schemas as unknown as Record<string, Record<string, unknown>>)[version]);
  if (!schema) return undefined;
  // Ajv knows the JSON Schema meta-schemas already and refuses them a second time.
  const definitions = schema.definitions as Record<string, unknown>;
  delete definitions['http://json-schema.org/draft-07/schema'];
  delete definitions['http://json-schema.org/draft-04/schema'];
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-formats is CommonJS: its function is the module itself, whatever the type declarations say.
  (formats.default as unknown as (ajv: InstanceType<typeof Ajv>) => void)(ajv);
  const validate = ajv.compile(schema);
  compiled.set(version, validate);
  return validate;
}
