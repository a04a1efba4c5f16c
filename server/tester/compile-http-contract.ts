import { resolveJsonPointer } from '../shared/index.js';
import { basePathsOf, createOperationMatcher, type OperationMatcher } from './create-operation-matcher.js';
import { createSchemaCompiler, schemaDialectOf, type PatternProblem, type SchemaCheck, type SchemaCompiler, type SchemaViolation } from './create-schema-compiler.js';
import { redactSample } from './redact-sample.js';
import type { ViolationObservation } from './traffic-recorder.js';

/** What the proxy (or the prober) saw of one request, its body at most `maxBodyBytes`. */
export interface SeenRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** undefined: no body; null: a body too large to check. */
  body: Buffer | null | undefined;
}

export interface SeenResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | null | undefined;
}

/** One documented HTTP operation with its validators, compiled once per version. */
export interface HttpOperation {
  /** The registry's operation key: `GET /stock/{sku}`. */
  key: string;
  method: string;
  path: string;
  /** The operation object as written, for the prober's examples. */
  spec: Record<string, unknown>;
  checkRequest(request: SeenRequest): ViolationObservation[];
  checkResponse(response: SeenResponse, method: string): ViolationObservation[];
}

export interface HttpContract {
  matcher: OperationMatcher<HttpOperation>;
  operations: HttpOperation[];
  /** Patterns that cannot run on the linear-time engine and so are not checked. */
  patternProblems: PatternProblem[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
// Described by other means in OpenAPI (security schemes, content), never as parameters.
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/**
 * Compiles the HTTP side of a contract: a matcher over its path templates and, per operation,
 * checks of parameters (path, query, header), the request body per media type, the status code,
 * the response body per media type and the documented response headers. Every check is built here,
 * once; a request only runs them. `redact` names fields whose values never leave in a sample.
 */
export function compileHttpContract(document: Obj, { redact = [] }: { redact?: readonly string[] } = {}): HttpContract {
  const dialect = schemaDialectOf(document);
  const swagger = dialect === 'swagger-2.0';
  const compiler = createSchemaCompiler({ document, dialect });
  const coercing = createSchemaCompiler({ document, dialect, coerce: true });
  const follow = (node: unknown): unknown => {
    for (let hops = 0; isObj(node) && typeof node.$ref === 'string' && hops < 16; hops++) node = resolveJsonPointer(document, node.$ref);
    return node;
  };
  const hidden = new Set(redact.map((field) => field.toLowerCase()));
  // A value under a redacted name stays hidden even when it is the whole sample.
  const sample = (value: unknown, pointer = '') => (pointer.split('/').some((segment) => hidden.has(segment.toLowerCase())) ? '"[redacted]"' : redactSample(value, { fields: redact }));
  const operations: HttpOperation[] = [];

  for (const [path, rawItem] of Object.entries(isObj(document.paths) ? document.paths : {})) {
    const item = follow(rawItem);
    if (!isObj(item)) continue;
    for (const method of METHODS) {
      const spec = item[method];
      if (!isObj(spec)) continue;
      const parameters = mergeParameters([item.parameters, spec.parameters].map(follow), follow);
      const checkParameters = compileParameters(parameters, coercing);
      const requestBody = swagger ? swaggerBody(spec, document) : follow(spec.requestBody);
      const bodies = compileContent(isObj(requestBody) ? requestBody.content : undefined, compiler, follow);
      const bodyRequired = isObj(requestBody) && requestBody.required === true;
      const responses = compileResponses(spec, document, swagger, { compiler, coercing }, follow);

      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        spec,
        checkRequest({ params, query, headers, body }) {
          const found: ViolationObservation[] = [];
          const values = parameterValues(parameters, params, query, headers);
          for (const v of checkParameters(values)) {
            found.push({ pointer: `/request${v.pointer}`, rule: v.keyword === 'required' ? 'request-parameter-missing' : 'request-parameter-schema', message: `request parameter ${v.message}`, sample: sample(resolveJsonPointer(values, v.pointer), v.pointer) });
          }
          if (body === undefined || body === null || body.length === 0) {
            if (bodyRequired && (body === undefined || body?.length === 0)) found.push({ pointer: '/request/body', rule: 'request-body-missing', message: 'the request body is required' });
            return found;
          }
          if (bodies.size === 0) return found;
          found.push(...checkBody(bodies, headers['content-type'], body, '/request/body', 'request', sample));
          return found;
        },
        checkResponse({ status, headers, body }, requestMethod) {
          const response = responses(status);
          if (!response) return [{ pointer: '/response/status', rule: 'response-status-undocumented', message: `status ${status} is not documented for ${method.toUpperCase()} ${path}`, sample: String(status) }];
          const found: ViolationObservation[] = [];
          for (const header of response.headers) {
            const value = headers[header.name];
            if (value === undefined) {
              if (header.required) found.push({ pointer: `/response/header/${header.name}`, rule: 'response-header-missing', message: `the response header ${header.name} is required` });
              continue;
            }
            for (const v of header.check({ value })) found.push({ pointer: `/response/header/${header.name}`, rule: 'response-header-schema', message: `response header ${header.name} ${v.message.replace(/^\/value /, '')}`, sample: sample(value) });
          }
          // A HEAD answer and 204/304 carry no body whatever the document says of the GET.
          if (requestMethod === 'HEAD' || status === 204 || status === 304 || body === null || body === undefined || response.bodies.size === 0) return found;
          if (body.length === 0) return found;
          found.push(...checkBody(response.bodies, headers['content-type'], body, '/response/body', 'response', sample));
          return found;
        },
      });
    }
  }
  const matcher = createOperationMatcher({ operations: operations.map((operation) => ({ method: operation.method, path: operation.path, operation })), basePaths: basePathsOf(document) });
  return { matcher, operations, patternProblems: [...compiler.patternProblems(), ...coercing.patternProblems()] };
}

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  schema: Obj;
}

function mergeParameters(lists: unknown[], follow: (node: unknown) => unknown): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = follow(raw);
      if (!isObj(p) || typeof p.name !== 'string' || typeof p.in !== 'string') continue;
      // Swagger 2.0 writes the schema on the parameter itself; OpenAPI 3 under `schema`.
      const schema = isObj(p.schema) ? p.schema : p.in !== 'body' ? pick(p, ['type', 'format', 'items', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf']) : {};
      const name = p.in === 'header' ? p.name.toLowerCase() : p.name;
      byKey.set(`${p.in}:${name}`, { name, in: p.in, required: p.required === true || p.in === 'path', schema });
    }
  }
  return [...byKey.values()];
}

const pick = (o: Obj, keys: string[]) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));

function compileParameters(parameters: Parameter[], compiler: SchemaCompiler): SchemaCheck {
  const groups: Record<string, { type: 'object'; properties: Obj; required: string[] }> = {};
  for (const p of parameters) {
    if (!['path', 'query', 'header'].includes(p.in) || (p.in === 'header' && IGNORED_HEADERS.has(p.name))) continue;
    const group = (groups[p.in] ??= { type: 'object', properties: {}, required: [] });
    group.properties[p.name] = p.schema;
    if (p.required) group.required.push(p.name);
  }
  if (Object.keys(groups).length === 0) return () => [];
  return compiler.compile({ type: 'object', properties: groups });
}

function parameterValues(parameters: Parameter[], params: Record<string, string>, query: URLSearchParams, headers: SeenRequest['headers']) {
  const values: Record<string, Record<string, unknown>> = { path: {}, query: {}, header: {} };
  for (const p of parameters) {
    if (p.in === 'path' && params[p.name] !== undefined) values.path![p.name] = params[p.name];
    else if (p.in === 'query') {
      const all = query.getAll(p.name);
      if (all.length === 1) values.query![p.name] = all[0];
      else if (all.length > 1) values.query![p.name] = all;
    } else if (p.in === 'header' && headers[p.name] !== undefined) values.header![p.name] = headers[p.name];
  }
  return values;
}

function swaggerBody(spec: Obj, document: Obj): Obj | undefined {
  const raw = Array.isArray(spec.parameters) ? (spec.parameters as Obj[]).find((p) => isObj(p) && p.in === 'body') : undefined;
  if (!raw) return undefined;
  const consumes = (Array.isArray(spec.consumes) ? spec.consumes : Array.isArray(document.consumes) ? document.consumes : ['application/json']) as string[];
  return { required: raw.required === true, content: Object.fromEntries(consumes.map((type) => [type, { schema: raw.schema }])) };
}

interface CompiledResponse {
  bodies: Map<string, SchemaCheck | undefined>;
  headers: { name: string; required: boolean; check: SchemaCheck }[];
}

function compileResponses(spec: Obj, document: Obj, swagger: boolean, { compiler, coercing }: { compiler: SchemaCompiler; coercing: SchemaCompiler }, follow: (node: unknown) => unknown): (status: number) => CompiledResponse | undefined {
  const byCode = new Map<string, CompiledResponse>();
  const produces = (Array.isArray(spec.produces) ? spec.produces : Array.isArray(document.produces) ? document.produces : ['application/json']) as string[];
  for (const [code, raw] of Object.entries(isObj(spec.responses) ? spec.responses : {})) {
    const response = follow(raw);
    if (!isObj(response)) continue;
    const content = swagger ? (isObj(response.schema) ? Object.fromEntries(produces.map((type) => [type, { schema: response.schema }])) : undefined) : response.content;
    const headers: CompiledResponse['headers'] = [];
    for (const [name, rawHeader] of Object.entries(isObj(response.headers) ? response.headers : {})) {
      const header = follow(rawHeader);
      if (!isObj(header)) continue;
      const schema = swagger ? pick(header, ['type', 'format', 'enum', 'minimum', 'maximum', 'pattern', 'minLength', 'maxLength']) : isObj(header.schema) ? header.schema : {};
      // Coerced like parameters: a header's value arrives as text.
      headers.push({ name: name.toLowerCase(), required: header.required === true, check: coercing.compile({ type: 'object', properties: { value: schema } }) });
    }
    byCode.set(code.toUpperCase(), { bodies: compileContent(content, compiler, follow), headers });
  }
  return (status) => byCode.get(String(status)) ?? byCode.get(`${String(status)[0]}XX`) ?? byCode.get('DEFAULT');
}

function compileContent(content: unknown, compiler: SchemaCompiler, follow: (node: unknown) => unknown): Map<string, SchemaCheck | undefined> {
  const bodies = new Map<string, SchemaCheck | undefined>();
  for (const [mediaType, rawMedia] of Object.entries(isObj(content) ? content : {})) {
    const media = follow(rawMedia);
    const schema = isObj(media) ? media.schema : undefined;
    bodies.set(mediaType.toLowerCase(), isObj(schema) && isJson(mediaType) ? compiler.compile(schema) : undefined);
  }
  return bodies;
}

const isJson = (mediaType: string) => /^application\/(?:[\w.+-]+\+)?json\b|^\*\/\*$|^application\/\*$/i.test(mediaType);

function mediaTypeOf(bodies: Map<string, SchemaCheck | undefined>, contentType: string | string[] | undefined): string | undefined {
  const type = String(contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (bodies.has(type)) return type;
  const wildcard = `${type.split('/')[0]}/*`;
  if (bodies.has(wildcard)) return wildcard;
  return bodies.has('*/*') ? '*/*' : undefined;
}

function checkBody(bodies: Map<string, SchemaCheck | undefined>, contentType: string | string[] | undefined, body: Buffer, at: string, side: 'request' | 'response', sample: (value: unknown, pointer?: string) => string): ViolationObservation[] {
  const mediaType = mediaTypeOf(bodies, contentType);
  if (mediaType === undefined) return [{ pointer: `${at}`, rule: `${side}-media-type-undocumented`, message: `the ${side} media type ${String(contentType ?? '(none)')} is not documented`, sample: String(contentType ?? '') }];
  const check = bodies.get(mediaType);
  const type = String(contentType ?? '');
  if (!check || !/json/i.test(type)) return [];
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return [{ pointer: at, rule: `${side}-body-unparseable`, message: `the ${side} body is not JSON although its media type is ${type}` }];
  }
  return check(value).map((v: SchemaViolation) => ({ pointer: `${at}${v.pointer}`, rule: `${side}-body-schema`, message: `${side} body ${v.message}`, sample: sample(resolveJsonPointer(value, v.pointer) ?? value, v.pointer) }));
}
