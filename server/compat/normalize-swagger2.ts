import { isJsonObject, type JsonObject } from './json-object.js';

/** Where 2.0 keeps reusable objects, and where 3.0 keeps them. */
const REF_PREFIXES: readonly [from: string, to: string][] = [
  ['#/definitions/', '#/components/schemas/'],
  ['#/parameters/', '#/components/parameters/'],
  ['#/responses/', '#/components/responses/'],
];

/** 2.0 parameter fields that describe the value, which 3.0 moves into `schema`. */
const VALUE_FIELDS = ['type', 'format', 'items', 'default', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'enum', 'multipleOf'];
/** Schema keywords whose value is a schema, a list of schemas, or a map of them. */
const SCHEMA_KEYWORDS = new Set(['items', 'additionalProperties', 'not']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties']);
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
const FORM_MEDIA_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
const OAUTH_FLOWS: Record<string, string> = { implicit: 'implicit', password: 'password', application: 'clientCredentials', accessCode: 'authorizationCode' };

interface MediaTypes {
  consumes: string[];
  produces: string[];
}

/**
 * A Swagger 2.0 document as the OpenAPI 3.0 document saying the same, so the 3.x differ reads both
 * and a 2.0 → 3.x migration diffs. Returns a new object and never touches the input. `$ref`s stay
 * strings (rewritten to their 3.0 homes), so circular documents are no trouble. Paths keep their
 * keys, as the spec module indexes them; `basePath` becomes the server.
 */
export function normalizeSwagger2(doc: JsonObject): JsonObject {
  const normalizer = new Normalizer(doc);
  return normalizer.document();
}

class Normalizer {
  // A node reached twice (YAML aliases share objects) is converted once and stays shared.
  private readonly schemas = new WeakMap<object, unknown>();
  private readonly global: MediaTypes;

  constructor(private readonly doc: JsonObject) {
    this.global = { consumes: strings(doc.consumes), produces: strings(doc.produces) };
  }

  document(): JsonObject {
    const { doc } = this;
    const components: JsonObject = {};
    if (isJsonObject(doc.definitions)) components.schemas = mapValues(doc.definitions, (schema) => this.schema(schema));
    if (isJsonObject(doc.parameters)) {
      // Body and form parameters become request bodies where operations use them, so only the rest stay reusable.
      const parameters = Object.entries(doc.parameters).filter(([, p]) => !isJsonObject(p) || !isBodyLike(p));
      if (parameters.length > 0) components.parameters = Object.fromEntries(parameters.map(([name, p]) => [name, this.parameter(p)]));
    }
    if (isJsonObject(doc.responses)) components.responses = mapValues(doc.responses, (response) => this.response(response, this.global.produces));
    if (isJsonObject(doc.securityDefinitions)) components.securitySchemes = mapValues(doc.securityDefinitions, securityScheme);
    const result: JsonObject = { openapi: '3.0.3' };
    for (const [key, value] of Object.entries(doc)) {
      if (key === 'info' || key === 'tags' || key === 'externalDocs' || key === 'security' || key.startsWith('x-')) result[key] = structuredClone(value);
    }
    const servers = serverUrls(doc);
    if (servers.length > 0) result.servers = servers.map((url) => ({ url }));
    result.paths = mapValues(isJsonObject(doc.paths) ? doc.paths : {}, (item) => this.pathItem(item));
    if (Object.keys(components).length > 0) result.components = components;
    return result;
  }

  private pathItem(raw: unknown): unknown {
    if (!isJsonObject(raw)) return raw;
    const item: JsonObject = {};
    const shared = Array.isArray(raw.parameters) ? raw.parameters : [];
    for (const [key, value] of Object.entries(raw)) {
      if (key === '$ref' && typeof value === 'string') item.$ref = rewriteRef(value);
      else if (key === 'parameters') {
        const kept = shared.filter((p) => !isBodyLike(this.follow(p)));
        if (kept.length > 0) item.parameters = kept.map((p) => this.parameter(p));
      } else if (HTTP_METHODS.includes(key) && isJsonObject(value)) item[key] = this.operation(value, shared);
      else item[key] = structuredClone(value);
    }
    return item;
  }

  private operation(raw: JsonObject, shared: unknown[]): JsonObject {
    const media: MediaTypes = {
      consumes: Array.isArray(raw.consumes) ? strings(raw.consumes) : this.global.consumes,
      produces: Array.isArray(raw.produces) ? strings(raw.produces) : this.global.produces,
    };
    const own = Array.isArray(raw.parameters) ? raw.parameters : [];
    const operation: JsonObject = {};
    for (const [key, value] of Object.entries(raw)) {
      if (key === 'consumes' || key === 'produces' || key === 'schemes') continue;
      if (key === 'parameters') {
        const kept = own.filter((p) => !isBodyLike(this.follow(p)));
        if (kept.length > 0) operation.parameters = kept.map((p) => this.parameter(p));
      } else if (key === 'responses' && isJsonObject(value)) operation.responses = mapValues(value, (response) => this.response(response, media.produces));
      else operation[key] = structuredClone(value);
    }
    const requestBody = this.requestBody(effectiveParameters([...shared, ...own].map((p) => this.follow(p))), media.consumes);
    if (requestBody) operation.requestBody = requestBody;
    return operation;
  }

  private requestBody(parameters: JsonObject[], consumes: string[]): JsonObject | undefined {
    const body = parameters.find((p) => p.in === 'body');
    if (body) {
      const schema = this.schema(body.schema ?? {});
      const mediaTypes = consumes.length > 0 ? consumes : ['application/json'];
      return {
        ...(typeof body.description === 'string' && { description: body.description }),
        content: Object.fromEntries(mediaTypes.map((mediaType) => [mediaType, { schema }])),
        ...(body.required === true && { required: true }),
      };
    }
    const fields = parameters.filter((p) => p.in === 'formData');
    if (fields.length === 0) return undefined;
    const required = fields.filter((p) => p.required === true).map((p) => p.name);
    const schema = {
      type: 'object',
      properties: Object.fromEntries(fields.map((p) => [p.name, this.valueSchema(p)])),
      ...(required.length > 0 && { required }),
    };
    // 2.0 says a form with a file must be multipart; otherwise `consumes` picks, URL encoding by default.
    const declared = consumes.filter((mediaType) => FORM_MEDIA_TYPES.includes(mediaType.toLowerCase()));
    const mediaTypes = declared.length > 0 ? declared : [fields.some((p) => p.type === 'file') ? 'multipart/form-data' : 'application/x-www-form-urlencoded'];
    return { content: Object.fromEntries(mediaTypes.map((mediaType) => [mediaType, { schema }])), ...(required.length > 0 && { required: true }) };
  }

  private parameter(raw: unknown): unknown {
    if (!isJsonObject(raw)) return raw;
    if (typeof raw.$ref === 'string') return { $ref: rewriteRef(raw.$ref) };
    const parameter: JsonObject = {};
    for (const [key, value] of Object.entries(raw)) {
      if (!VALUE_FIELDS.includes(key) && key !== 'collectionFormat' && key !== 'x-nullable') parameter[key] = structuredClone(value);
    }
    Object.assign(parameter, collectionStyle(raw));
    parameter.schema = this.valueSchema(raw);
    return parameter;
  }

  private response(raw: unknown, produces: string[]): unknown {
    if (!isJsonObject(raw)) return raw;
    if (typeof raw.$ref === 'string') {
      // A shared response is converted with the document's `produces`; an operation producing other
      // media types gets its own copy, so its content lists what it really returns.
      const target = this.follow(raw);
      return sameList(produces, this.global.produces) || !isJsonObject(target) ? { $ref: rewriteRef(raw.$ref) } : this.response(target, produces);
    }
    const response: JsonObject = {};
    for (const [key, value] of Object.entries(raw)) {
      if (key === 'schema' || key === 'examples') continue;
      if (key === 'headers' && isJsonObject(value)) response.headers = mapValues(value, (header) => this.header(header));
      else response[key] = structuredClone(value);
    }
    if (raw.schema !== undefined) {
      const schema = this.schema(raw.schema);
      const examples = isJsonObject(raw.examples) ? raw.examples : {};
      const mediaTypes = produces.length > 0 ? produces : ['application/json'];
      response.content = Object.fromEntries(
        mediaTypes.map((mediaType) => [mediaType, { schema, ...(examples[mediaType] !== undefined && { example: structuredClone(examples[mediaType]) }) }]),
      );
    }
    return response;
  }

  private header(raw: unknown): unknown {
    if (!isJsonObject(raw)) return raw;
    const header: JsonObject = {};
    for (const [key, value] of Object.entries(raw)) {
      if (!VALUE_FIELDS.includes(key) && key !== 'collectionFormat' && key !== 'x-nullable') header[key] = structuredClone(value);
    }
    header.schema = this.valueSchema(raw);
    return header;
  }

  /** The schema of a non-body parameter or header: its value fields, `items` nested the same way. */
  private valueSchema(raw: JsonObject): JsonObject {
    const schema: JsonObject = {};
    for (const field of VALUE_FIELDS) {
      if (raw[field] === undefined) continue;
      schema[field] = field === 'items' && isJsonObject(raw.items) ? this.valueSchema(raw.items) : structuredClone(raw[field]);
    }
    if (schema.type === 'file') Object.assign(schema, { type: 'string', format: 'binary' });
    if (raw['x-nullable'] === true) schema.nullable = true;
    return schema;
  }

  /** A 2.0 schema as a 3.0 one: refs moved, `x-nullable` as `nullable`, `file` as binary, a string discriminator as an object. */
  private schema(node: unknown): unknown {
    if (!isJsonObject(node)) return structuredClone(node);
    const known = this.schemas.get(node);
    if (known !== undefined) return known;
    const schema: JsonObject = {};
    this.schemas.set(node, schema);
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') schema.$ref = rewriteRef(value);
      else if (key === 'x-nullable' && typeof value === 'boolean') schema.nullable = value;
      else if (key === 'discriminator' && typeof value === 'string') schema.discriminator = { propertyName: value };
      else if (key === 'type' && value === 'file') Object.assign(schema, { type: 'string', format: 'binary' });
      else if (SCHEMA_KEYWORDS.has(key) && isJsonObject(value)) schema[key] = this.schema(value);
      else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) schema[key] = value.map((member) => this.schema(member));
      else if (key === 'items' && Array.isArray(value)) schema[key] = value.map((member) => this.schema(member));
      else if (SCHEMA_MAPS.has(key) && isJsonObject(value)) schema[key] = mapValues(value, (member) => this.schema(member));
      else schema[key] = structuredClone(value);
    }
    return schema;
  }

  /** Follows one 2.0 reference (parameters may point at `#/parameters/…`), leaving anything else as it is. */
  private follow(node: unknown): JsonObject {
    let current = node;
    for (let hops = 0; isJsonObject(current) && typeof current.$ref === 'string' && hops < 32; hops++) {
      const ref: string = current.$ref;
      const [, section, name] = /^#\/(parameters|responses|definitions)\/(.+)$/.exec(ref) ?? [];
      const container = section === undefined ? undefined : this.doc[section];
      current = isJsonObject(container) && name !== undefined ? container[name.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined;
    }
    return isJsonObject(current) ? current : {};
  }
}

function isBodyLike(parameter: unknown): boolean {
  return isJsonObject(parameter) && (parameter.in === 'body' || parameter.in === 'formData');
}

/** Path-item parameters overridden by the operation's own of the same name and location. */
function effectiveParameters(parameters: JsonObject[]): JsonObject[] {
  const byIdentity = new Map<string, JsonObject>();
  for (const parameter of parameters) byIdentity.set(`${String(parameter.in)} ${String(parameter.name)}`, parameter);
  return [...byIdentity.values()];
}

function rewriteRef(ref: string): string {
  for (const [from, to] of REF_PREFIXES) if (ref.startsWith(from)) return to + ref.slice(from.length);
  return ref;
}

/** 2.0 `collectionFormat` as 3.0 `style`/`explode`; `csv`, the default, is 3.0's default for paths and headers too. */
function collectionStyle(parameter: JsonObject): JsonObject {
  const format = parameter.collectionFormat;
  if (parameter.type !== 'array' || format === undefined) return {};
  if (format === 'multi') return { style: 'form', explode: true };
  if (format === 'ssv') return { style: 'spaceDelimited', explode: false };
  if (format === 'pipes') return { style: 'pipeDelimited', explode: false };
  return parameter.in === 'query' || parameter.in === 'cookie' ? { style: 'form', explode: false } : {};
}

function securityScheme(raw: unknown): unknown {
  if (!isJsonObject(raw)) return raw;
  const extras = Object.fromEntries(Object.entries(raw).filter(([key]) => key === 'description' || key.startsWith('x-')));
  if (raw.type === 'basic') return { type: 'http', scheme: 'basic', ...extras };
  if (raw.type === 'apiKey') return { type: 'apiKey', name: raw.name, in: raw.in, ...extras };
  if (raw.type !== 'oauth2' || typeof raw.flow !== 'string') return structuredClone(raw);
  const flow: JsonObject = { scopes: structuredClone(isJsonObject(raw.scopes) ? raw.scopes : {}) };
  if (raw.authorizationUrl !== undefined) flow.authorizationUrl = raw.authorizationUrl;
  if (raw.tokenUrl !== undefined) flow.tokenUrl = raw.tokenUrl;
  return { type: 'oauth2', flows: { [OAUTH_FLOWS[raw.flow] ?? raw.flow]: flow }, ...extras };
}

/**
 * `scheme://host/basePath` for each of the document's schemes when the host is known, else just the
 * base path, as 3.0 allows relative servers. Every scheme is a server, so dropping `http` is seen.
 */
function serverUrls(doc: JsonObject): string[] {
  const basePath = typeof doc.basePath === 'string' ? doc.basePath : undefined;
  if (typeof doc.host !== 'string') return basePath === undefined ? [] : [basePath];
  const schemes = strings(doc.schemes);
  return (schemes.length > 0 ? schemes : ['https']).map((scheme) => `${scheme}://${doc.host}${basePath ?? ''}`);
}

function mapValues(map: JsonObject, convert: (value: unknown) => unknown): JsonObject {
  return Object.fromEntries(Object.entries(map).map(([key, value]) => [key, convert(value)]));
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
