import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Where and how one value broke its schema: the pointer is inside the value validated. */
export interface SchemaError {
  /** The value at fault; for a missing property, where it should have been. */
  pointer: string;
  /** The value the failed keyword applies to (for `required`, the object). */
  at: string;
  message: string;
}

export type MessageValidator = (value: unknown) => SchemaError[];

const DOCUMENT_ID = 'urn:accord:listened-contract';

/**
 * Compiles validators for schemas located in an AsyncAPI document by JSON pointer, so `$ref`s inside
 * a payload resolve against the document they came from. Patterns run without the `u` flag: with
 * V8's fallback to its linear engine (switched on by the command), no message makes one backtrack.
 * A schema Ajv cannot compile is reported once, when the listener starts, not per message.
 */
export function createMessageValidators(document: unknown): (pointer: string) => MessageValidator {
  // Not strict: AsyncAPI's own keywords (discriminator, externalDocs, …) sit beside JSON Schema's.
  const ajv = new Ajv({ strict: false,  allErrors: false, unicodeRegExp: false, validateSchema: false, addUsedSchema: false });
  // ajv-formats is CommonJS: its function is the module itself, whatever the type declarations say.
  (addFormats as unknown as (ajv: Ajv) => void)(ajv);
  ajv.addSchema(structuredClone(document) as object, DOCUMENT_ID);
  const compiled = new Map<string, MessageValidator>();
  return (pointer) => {
    let validator = compiled.get(pointer);
    if (!validator) {
      const validate: ValidateFunction = ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
      validator = (value) => (validate(value) ? [] : (validate.errors ?? []).map(schemaErrorOf));
      compiled.set(pointer, validator);
    }
    return validator;
  };
}

function schemaErrorOf(error: ErrorObject): SchemaError {
  const missing = error.keyword === 'required' ? (error.params as { missingProperty?: string }).missingProperty : undefined;
  const pointer = missing === undefined ? error.instancePath : `${error.instancePath}/${missing.replaceAll('~', '~0').replaceAll('/', '~1')}`;
  return { pointer, at: error.instancePath, message: error.message ?? error.keyword };
}
