import { createSchemaCompiler, type PatternProblem, type SchemaCheck, type SchemaDialect } from './create-schema-compiler.js';

/**
 * A validator for one message (or body) schema that may `$ref` into its contract document. For
 * many schemas of one document, share a `createSchemaCompiler` instead: it compiles shared
 * components once.
 */
export function compileMessageValidator({ schema, document, dialect }: { schema: object; document?: Record<string, unknown>; dialect?: SchemaDialect }): { validate: SchemaCheck; patternProblems: PatternProblem[] } {
  const compiler = createSchemaCompiler({ ...(document ? { document } : {}), ...(dialect ? { dialect } : {}) });
  const validate = compiler.compile(schema);
  return { validate, patternProblems: compiler.patternProblems() };
}
