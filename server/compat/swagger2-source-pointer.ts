import { parseJsonPointer, toJsonPointer } from '../shared/index.js';
import { isJsonObject, type JsonObject } from './json-object.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
const COMPONENT_HOMES: Record<string, string> = { schemas: 'definitions', parameters: 'parameters', responses: 'responses', securitySchemes: 'securityDefinitions' };

/**
 * Where a pointer into the OpenAPI 3.0 form of a Swagger 2.0 document (see normalizeSwagger2)
 * lands in the 2.0 document the user wrote: `/components/schemas/X` is `/definitions/X`, a request
 * body is the body parameter (or the form field), a parameter's `schema` is the parameter itself,
 * a response's media type is the response. What has no 2.0 place (a media type, a server) maps to
 * the nearest thing that does. `doc` settles list positions (3.0 drops body parameters from the
 * list); a pointer at something `doc` lacks (a removal points into the other document) is mapped
 * by its shape alone.
 */
export function swagger2SourcePointer(doc: JsonObject, pointer: string): string {
  const path = parseJsonPointer(pointer);
  if (path === undefined) return pointer;
  return toJsonPointer(mapPath(doc, path));
}

function mapPath(doc: JsonObject, path: string[]): string[] {
  const [top, ...rest] = path;
  if (top === 'components') {
    const [section, name, ...inner] = rest;
    const home = section === undefined ? undefined : COMPONENT_HOMES[section];
    if (home === undefined || name === undefined) return path;
    if (section === 'schemas') return [home, name, ...schemaPath(inner)];
    if (section === 'parameters') return [home, name, ...parameterPath(inner)];
    if (section === 'responses') return [home, name, ...responsePath(inner)];
    return [home, name, ...securityPath(inner)];
  }
  if (top === 'servers') return [typeof doc.basePath === 'string' && typeof doc.host !== 'string' ? 'basePath' : typeof doc.host === 'string' ? 'host' : 'basePath'];
  if (top === 'paths' && rest.length > 0) {
    const [route, key, ...inner] = rest as [string, string | undefined, ...string[]];
    const item = isJsonObject(doc.paths) && isJsonObject(doc.paths[route]) ? doc.paths[route] : {};
    if (key === undefined) return path;
    if (key === 'parameters') return ['paths', route, ...listedParameter(item.parameters, inner)];
    if (!HTTP_METHODS.includes(key)) return path;
    const operation = isJsonObject(item[key]) ? item[key] : {};
    const [field, ...below] = inner;
    const at = ['paths', route, key];
    if (field === 'parameters') return [...at, ...listedParameter(operation.parameters, below)];
    if (field === 'requestBody') return requestBodyPath(doc, item, operation, below, at);
    if (field === 'responses' && below.length > 0) return [...at, 'responses', below[0]!, ...responsePath(below.slice(1))];
    return path;
  }
  return path;
}

/** Below a 3.0 schema: the keywords 2.0 spells otherwise. */
function schemaPath(inner: string[]): string[] {
  return inner.flatMap((segment, index) => {
    if (segment === 'nullable') return ['x-nullable'];
    if (segment === 'propertyName' && inner[index - 1] === 'discriminator') return [];
    return [segment];
  });
}

/** Below a 3.0 parameter or header: its `schema` fields sit on the 2.0 parameter itself. */
function parameterPath(inner: string[]): string[] {
  const [first, ...rest] = inner;
  if (first === 'schema') return schemaPath(rest);
  if (first === 'style' || first === 'explode') return ['collectionFormat'];
  return inner;
}

/** Below a 3.0 response: `content/<media type>/schema` is the 2.0 `schema`, an example is in `examples`. */
function responsePath(inner: string[]): string[] {
  const [first, mediaType, field, ...rest] = inner;
  if (first === 'headers' && mediaType !== undefined) return ['headers', mediaType, ...parameterPath(inner.slice(2))];
  if (first !== 'content') return inner;
  if (field === 'schema') return ['schema', ...schemaPath(rest)];
  if (field === 'example' && mediaType !== undefined) return ['examples', mediaType, ...rest];
  return [];
}

function securityPath(inner: string[]): string[] {
  const [first, , field, ...rest] = inner;
  if (first !== 'flows') return inner;
  if (field === 'scopes' || field === 'authorizationUrl' || field === 'tokenUrl') return [field, ...rest];
  return ['flow'];
}

/** The 3.0 list drops body and form parameters; the n-th kept one is found at its 2.0 index. */
function listedParameter(raw: unknown, inner: string[]): string[] {
  const [index, ...below] = inner;
  if (index === undefined || !Array.isArray(raw)) return ['parameters', ...inner];
  const kept = raw.map((parameter, position) => ({ parameter, position })).filter(({ parameter }) => !(isJsonObject(parameter) && (parameter.in === 'body' || parameter.in === 'formData')));
  const found = kept[Number(index)];
  return found === undefined ? ['parameters', ...inner] : ['parameters', String(found.position), ...parameterPath(below)];
}

/** A 3.0 request body is the operation's body parameter, or for a form the field the pointer reaches. */
function requestBodyPath(doc: JsonObject, item: JsonObject, operation: JsonObject, below: string[], at: string[]): string[] {
  const [content, , field, ...rest] = below;
  const candidates = [
    ...(Array.isArray(operation.parameters) ? operation.parameters.map((parameter, index) => ({ parameter, at: [...at, 'parameters', String(index)] })) : []),
    ...(Array.isArray(item.parameters) ? item.parameters.map((parameter, index) => ({ parameter, at: [...at.slice(0, 2), 'parameters', String(index)] })) : []),
  ].map(({ parameter, at }) => followParameter(doc, parameter, at));
  const body = candidates.find(({ parameter }) => parameter.in === 'body');
  if (body) return content === 'content' && field === 'schema' ? [...body.at, 'schema', ...schemaPath(rest)] : body.at;
  const form = candidates.filter(({ parameter }) => parameter.in === 'formData');
  if (content === 'content' && field === 'schema' && rest[0] === 'properties' && rest[1] !== undefined) {
    const named = form.find(({ parameter }) => parameter.name === rest[1]);
    if (named) return [...named.at, ...schemaPath(rest.slice(2))];
  }
  return form[0]?.at ?? [...at, 'parameters'];
}

/** A parameter given as `#/parameters/X` is read, and pointed at, where it is declared. */
function followParameter(doc: JsonObject, parameter: unknown, at: string[]): { parameter: JsonObject; at: string[] } {
  if (isJsonObject(parameter) && typeof parameter.$ref === 'string') {
    const match = /^#\/parameters\/(.+)$/.exec(parameter.$ref);
    const name = match?.[1]?.replaceAll('~1', '/').replaceAll('~0', '~');
    const target = name !== undefined && isJsonObject(doc.parameters) ? doc.parameters[name] : undefined;
    if (isJsonObject(target)) return { parameter: target, at: ['parameters', name!] };
  }
  return { parameter: isJsonObject(parameter) ? parameter : {}, at };
}
