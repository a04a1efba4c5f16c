import { Ajv, type ErrorObject, type Format, type Options, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { enableLinearRegExps, linearRegExpProblem } from '../shared/index.js';

/** Which JSON Schema a document's schemas are written in. */
export type SchemaDialect = 'openapi-3.0' | 'openapi-3.1' | 'swagger-2.0' | 'asyncapi' | 'json-schema-2020-12' | 'json-schema-draft-07';

/** One way a value broke its schema; `pointer` is an RFC 6901 pointer into the value. */
export interface SchemaViolation {
  pointer: string;
  /** The JSON Schema keyword that failed: `type`, `required`, `enum`, `pattern`, ... */
  keyword: string;
  message: string;
}

/** A `pattern` (or `patternProperties` key) no engine here can run without backtracking: not checked. */
export interface PatternProblem {
  pattern: string;
  problem: string;
}

export type SchemaCheck = (value: unknown) => SchemaViolation[];

export interface SchemaCompiler {
  /** Compiles the schema at `pointer` in the document (`/components/schemas/Order`), once. */
  compileAt(pointer: string): SchemaCheck;
  /** Compiles a schema that may `$ref` into the document (`#/components/...`). */
  compile(schema: object): SchemaCheck;
  /** Patterns seen so far that are not checked, to report when the validators are built. */
  patternProblems(): PatternProblem[];
}

const DOCUMENT_ID = 'urn:accord:contract';
// ajv-formats is CommonJS: its function is the module itself, whatever the type declarations say.
const addFormats = addFormatsModule as unknown as (ajv: Ajv, options?: object) => void;

/** The dialect of a contract document, from its `openapi`, `swagger` or `asyncapi` field. */
export function schemaDialectOf(document: Record<string, unknown>): SchemaDialect {
  if (typeof document.swagger === 'string') return 'swagger-2.0';
  if (typeof document.openapi === 'string') return document.openapi.startsWith('3.0') ? 'openapi-3.0' : 'openapi-3.1';
  if (typeof document.asyncapi === 'string') return 'asyncapi';
  return 'json-schema-2020-12';
}

/**
 * Validators for the schemas of one contract document, compiled once and shared by every request.
 * Ajv runs with `unicodeRegExp: false` so that patterns compile without the `u` flag, which V8's
 * linear-time engine does not take; with `enableLinearRegExps` any pattern that starts to
 * backtrack excessively moves to that engine, so no payload can hold the event loop. A pattern that
 * engine cannot run at all (backreferences, lookaround) could still backtrack for ever: it is
 * listed by `patternProblems` and not checked, rather than checked at the price of the proxy.
 * `coerce` is for parameters, which arrive as strings: `?limit=10` is the integer 10.
 */
export function createSchemaCompiler({ document = {}, dialect = schemaDialectOf(document), coerce = false }: { document?: Record<string, unknown>; dialect?: SchemaDialect; coerce?: boolean } = {}): SchemaCompiler {
  enableLinearRegExps();
  const problems = new Map<string, PatternProblem>();
  const regExp = Object.assign(
    (pattern: string, flags: string) => {
      const problem = linearRegExpProblem(pattern, flags);
      if (problem === undefined || boundedBacktracking(pattern)) return new RegExp(pattern, flags);
      problems.set(pattern, { pattern, problem });
      return { test: () => true, toString: () => `unchecked:${pattern}` };
    },
    { code: 'new RegExp' },
  );
  const options: Options = {
    strict: false,
    allErrors: false,
    unicodeRegExp: false,
    validateSchema: false,
    logger: false,
    coerceTypes: coerce ? 'array' : false,
    code: { regExp: regExp as unknown as NonNullable<Options['code']>['regExp'] },
  };
  const ajv = dialect === 'openapi-3.1' || dialect === 'json-schema-2020-12' ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  for (const [name, format] of Object.entries(OPENAPI_FORMATS)) ajv.addFormat(name, format);
  const prepared = (dialect === 'openapi-3.0' || dialect === 'swagger-2.0' ? fromOpenApi30(structuredClone(document)) : structuredClone(document)) as Record<string, unknown>;
  // AsyncAPI's root `id` names the application; Ajv takes `id` for draft-04's schema id and refuses the document.
  if (dialect === 'asyncapi') delete prepared.id;
  ajv.addSchema(prepared, DOCUMENT_ID, undefined, false);
  const compiled = new Map<string, SchemaCheck>();

  const wrap = (validate: ValidateFunction): SchemaCheck => (value) => (validate(value) ? [] : (validate.errors ?? []).map(toViolation));
  return {
    compileAt(pointer) {
      let check = compiled.get(pointer);
      if (!check) {
        check = wrap(ajv.compile({ $ref: `${DOCUMENT_ID}#${encodeURI(pointer)}` }));
        compiled.set(pointer, check);
      }
      return check;
    },
    compile(schema) {
      const rooted = dialect === 'openapi-3.0' || dialect === 'swagger-2.0' ? fromOpenApi30(structuredClone(schema)) : schema;
      return wrap(ajv.compile(rebase(rooted) as object));
    },
    patternProblems: () => [...problems.values()],
  };
}

/** Local references of a schema given apart from the document point into the document. */
function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `${DOCUMENT_ID}${value}` : rebase(value);
  return out;
}

/**
 * OpenAPI 3.0 and Swagger 2.0 schemas are an extended subset of draft 4: `nullable` (`x-nullable`)
 * widens the type and boolean `exclusiveMinimum` qualifies `minimum`. Rewritten in place into what
 * Ajv's draft-07 reads; every object of the document is visited, which is harmless where it is not a schema.
 */
function fromOpenApi30(node: unknown): unknown {
  if (Array.isArray(node)) {
    node.forEach(fromOpenApi30);
    return node;
  }
  if (node === null || typeof node !== 'object') return node;
  const schema = node as Record<string, unknown>;
  for (const value of Object.values(schema)) fromOpenApi30(value);
  if ((schema.nullable === true || schema['x-nullable'] === true) && schema.$ref === undefined) {
    if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  }
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof schema[flag] !== 'boolean') continue;
    if (schema[flag] === true && typeof schema[bound] === 'number') {
      schema[flag] = schema[bound];
      delete schema[bound];
    } else delete schema[flag];
  }
  return schema;
}

const INT32 = 2 ** 31;
const OPENAPI_FORMATS: Record<string, Format> = {
  int32: { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -INT32 && n < INT32 },
  int64: { type: 'number', validate: (n: number) => Number.isInteger(n) },
  float: { type: 'number', validate: () => true },
  double: { type: 'number', validate: () => true },
  byte: { type: 'string', validate: (s: string) => /^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length % 4 === 0 },
  binary: { type: 'string', validate: () => true },
  password: { type: 'string', validate: () => true },
};

function toViolation(error: ErrorObject): SchemaViolation {
  const missing = error.keyword === 'required' ? `/${escapePointer(String((error.params as { missingProperty?: string }).missingProperty ?? ''))}` : '';
  const extra = error.keyword === 'additionalProperties' ? `/${escapePointer(String((error.params as { additionalProperty?: string }).additionalProperty ?? ''))}` : '';
  const pointer = `${error.instancePath}${missing}${extra}`;
  return { pointer, keyword: error.keyword, message: `${pointer || '/'} ${error.message ?? 'is invalid'}` };
}

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * V8's linear-time engine refuses ranged repetitions such as `^[0-9A-Z-]{6,20}$`, common in
 * contracts. Backtracking cannot explode on a pattern without a quantified group, backreference or
 * lookaround and with at most one unbounded quantifier, so such a pattern runs natively rather than
 * going unchecked.
 */
function boundedBacktracking(pattern: string): boolean {
  const plain = pattern.replace(/\\./g, 'x').replace(/\[(?:[^\]\\]|\\.)*\]/g, 'x');
  if (/\)[*+?{]/.test(plain) || /\(\?[=!<]/.test(plain) || /\\[1-9k]/.test(pattern)) return false;
  return (plain.match(/[*+]|\{\d+,\}/g) ?? []).length <= 1;
}
