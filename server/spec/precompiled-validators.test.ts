import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { openApiSchemaValidator, precompiledValidatorFile, type OpenApiFamily } from './openapi-schema-validator.js';

const documents: Record<OpenApiFamily, object[]> = {
  'openapi-3.0': [{ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} }, { openapi: '3.0.3', info: { title: 't' }, paths: { '/a': { get: {} } } }],
  'openapi-3.1': [{ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { A: { type: ['string', 'null'] } } } }, { openapi: '3.1.0', info: { version: 1 }, webhooks: 7 }],
  'openapi-3.2': [
    { openapi: '3.2.0', $self: 'https://example.com/api', info: { title: 't', version: '1' }, paths: { '/a': { query: { responses: { '200': { description: 'ok', content: { 'application/jsonl': { itemSchema: { type: 'object' } } } } } } } } },
    { openapi: '3.2.0', info: { title: 't', version: '1' }, paths: { '/a': { additionalOperations: { COPY: { responses: 7 } } } } },
  ],
  'swagger-2.0': [{ swagger: '2.0', info: { title: 't', version: '1' }, paths: {} }, { swagger: '2.0', paths: { '/a': { get: { responses: {} } } } }],
};

describe('the precompiled OpenAPI validators', () => {
  it.each(Object.keys(documents) as OpenApiFamily[])('%s: the build wrote one, and it judges as the schema compiled at run time does', async (family) => {
    const precompiled = createRequire(import.meta.url)(precompiledValidatorFile(family)) as ValidateFunction;
    const { ajv, schema } = await openApiSchemaValidator(family);
    const compiled = ajv.compile(schema);
    for (const document of documents[family]) {
      expect(precompiled(document)).toBe(compiled(document));
      expect(precompiled.errors).toEqual(compiled.errors);
    }
  });
});
