// Precompiles the OpenAPI schema validators with Ajv's standalone code generator, after `tsc`
// built dist/: compiling them at run time costs every process ~170 ms. The generated CommonJS
// goes beside the validator module in the sources (for tests and `npm run dev`) and in dist/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { openApiSchemaValidator, precompiledValidatorFile } = await import(join(root, 'dist/server/spec/openapi-schema-validator.js'));
const generate = standaloneCode.default ?? standaloneCode;

for (const family of ['openapi-3.0', 'openapi-3.1', 'openapi-3.2', 'swagger-2.0']) {
  const { ajv, schema } = await openApiSchemaValidator(family, { source: true });
  const code = generate(ajv, ajv.compile(schema));
  for (const base of ['server/spec', 'dist/server/spec']) {
    const file = join(root, base, precompiledValidatorFile(family));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, code);
  }
}
