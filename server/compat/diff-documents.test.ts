import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../shared/index.js';
import { parseSpec } from '../spec/index.js';
import { findBreakingChanges } from './index.js';

type Json = Record<string, unknown>;

const examples = join(packageRoot(), 'specs', 'examples');
const files = readdirSync(examples, { recursive: true, encoding: 'utf8' }).filter((f) => /\d+\.\d+\.\d+\.ya?ml$/.test(f));
const documents = files.map((file) => ({ file, doc: parse(readFileSync(join(examples, file), 'utf8')) as Json }));

/**
 * An OpenAPI 3.0/3.1 document rewritten as 3.2 the way a team upgrading by hand would: 3.0
 * `nullable` becomes a union with null (one of the spellings 3.1 and 3.2 allow), boolean exclusive
 * bounds become numbers, `example` becomes `examples`.
 */
function asOpenApi32(doc: Json): Json {
  const convert = (value: unknown, inSchema: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => convert(item, inSchema));
    if (value === null || typeof value !== 'object') return value;
    const node = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, convert(child, inSchema || key === 'schema' || key === 'schemas')])) as Json;
    if (!inSchema) return node;
    const { nullable, exclusiveMinimum, exclusiveMaximum, minimum, maximum, example, ...rest } = node;
    const schema: Json = { ...rest };
    if (minimum !== undefined) schema[exclusiveMinimum === true ? 'exclusiveMinimum' : 'minimum'] = minimum;
    else if (typeof exclusiveMinimum === 'number') schema.exclusiveMinimum = exclusiveMinimum;
    if (maximum !== undefined) schema[exclusiveMaximum === true ? 'exclusiveMaximum' : 'maximum'] = maximum;
    else if (typeof exclusiveMaximum === 'number') schema.exclusiveMaximum = exclusiveMaximum;
    if (example !== undefined) schema.examples = [example];
    return nullable === true ? { oneOf: [schema, { type: 'null' }] } : schema;
  };
  return { ...(convert(doc, false) as Json), openapi: '3.2.0' };
}

const upgrades = documents.flatMap(({ file, doc }) => {
  if (typeof doc.openapi === 'string') return [{ file, doc, upgraded: asOpenApi32(doc) }];
  // 3.1 changed nothing a 3.0 document says; 2.x documents need a rewrite of their structure first.
  if (typeof doc.asyncapi === 'string' && doc.asyncapi.startsWith('3.')) return [{ file, doc, upgraded: { ...doc, asyncapi: '3.1.0' } }];
  return [];
});

const SWAGGER_REFS: [string, string][] = [
  ['#/definitions/', '#/components/schemas/'],
  ['#/parameters/', '#/components/parameters/'],
  ['#/responses/', '#/components/responses/'],
];

// Keywords of a Swagger 2.0 parameter or header that describe its value, and move under `schema`.
const VALUE_KEYWORDS = ['type', 'format', 'items', 'enum', 'default', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf'];

/**
 * A Swagger 2.0 document rewritten as OpenAPI 3.2 the way a team migrating by hand would, without
 * Accord's own normaliser: servers from host, basePath and schemes; definitions, parameters and
 * responses under `components`; body parameters as request bodies and response schemas under each
 * produced media type; parameter and header values under `schema`; `x-nullable` as a union with
 * null, response examples as 3.2 `dataValue`s.
 */
function asOpenApi32FromSwagger2(doc: Json): Json {
  const refs = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(refs);
    if (value === null || typeof value !== 'object') return value;
    const node = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, refs(child)])) as Json;
    for (const [from, to] of SWAGGER_REFS) if (typeof node.$ref === 'string') node.$ref = node.$ref.replace(from, to);
    return node;
  };
  const schema = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(schema);
    if (value === null || typeof value !== 'object') return value;
    const { 'x-nullable': nullable, example, ...rest } = value as Json;
    const node = Object.fromEntries(Object.entries(rest).map(([key, child]) => [key, key === 'properties' ? Object.fromEntries(Object.entries(child as Json).map(([name, s]) => [name, schema(s)])) : schema(child)])) as Json;
    if (example !== undefined) node.examples = [example];
    return nullable === true ? { oneOf: [node, { type: 'null' }] } : node;
  };
  const valueOf = (node: Json) => {
    const value = Object.fromEntries(VALUE_KEYWORDS.filter((key) => node[key] !== undefined).map((key) => [key, node[key]]));
    const rest = Object.fromEntries(Object.entries(node).filter(([key]) => !VALUE_KEYWORDS.includes(key) && key !== 'collectionFormat'));
    return { ...rest, schema: schema(value) };
  };
  const content = (types: unknown, value: unknown, examples?: Json) =>
    Object.fromEntries((types as string[]).map((type) => [type, { schema: schema(value), ...(examples?.[type] !== undefined && { examples: { example: { dataValue: examples[type] } } }) }]));
  const response = (node: Json, produces: unknown) => {
    if (typeof node.$ref === 'string') return node;
    const { schema: body, examples, headers, ...rest } = node;
    return {
      ...rest,
      ...(headers !== undefined && { headers: Object.fromEntries(Object.entries(headers as Json).map(([name, header]) => [name, valueOf(header as Json)])) }),
      ...(body !== undefined && { content: content(produces, body, examples as Json) }),
    };
  };
  const operation = (node: Json) => {
    const { parameters = [], responses = {}, consumes = doc.consumes, produces = doc.produces, ...rest } = node;
    const body = (parameters as Json[]).find((parameter) => parameter.in === 'body');
    return {
      ...rest,
      ...((parameters as Json[]).some((parameter) => parameter.in !== 'body') && { parameters: (parameters as Json[]).filter((p) => p.in !== 'body').map((p) => (typeof p.$ref === 'string' ? p : valueOf(p))) }),
      ...(body && { requestBody: { ...(body.description !== undefined && { description: body.description }), required: body.required === true, content: content(consumes, body.schema) } }),
      responses: Object.fromEntries(Object.entries(responses as Json).map(([status, r]) => [status, response(r as Json, produces)])),
    };
  };
  const converted = refs(doc) as Json;
  const { swagger: _, host, basePath = '', schemes = ['https'], consumes: _c, produces, definitions, parameters, responses, securityDefinitions, paths, ...rest } = converted;
  return {
    openapi: '3.2.0',
    ...rest,
    servers: (schemes as string[]).map((scheme) => ({ url: `${scheme}://${host}${basePath}` })),
    paths: Object.fromEntries(Object.entries(paths as Json).map(([path, item]) => [path, Object.fromEntries(Object.entries(item as Json).map(([key, value]) => [key, key === 'parameters' ? (value as Json[]).map((p) => (typeof p.$ref === 'string' ? p : valueOf(p))) : operation(value as Json)]))])),
    components: {
      schemas: Object.fromEntries(Object.entries((definitions ?? {}) as Json).map(([name, s]) => [name, schema(s)])),
      parameters: Object.fromEntries(Object.entries((parameters ?? {}) as Json).map(([name, p]) => [name, valueOf(p as Json)])),
      responses: Object.fromEntries(Object.entries((responses ?? {}) as Json).map(([name, r]) => [name, response(r as Json, produces)])),
      securitySchemes: securityDefinitions,
    },
  };
}

/**
 * An AsyncAPI 2.6 document rewritten as 3.1 the way the AsyncAPI converter does: channels keyed
 * as before with their address and messages, each `publish`/`subscribe` an operation of its own
 * (`subscribe` becomes `send`, `publish` `receive`: 2.x named what clients do, 3.x what the
 * application does), servers split into host and protocol, server security as references, the
 * document's tags under `info`.
 */
function asAsyncApi31FromAsyncApi2(doc: Json): Json {
  const escape = (name: string) => name.replaceAll('~', '~0').replaceAll('/', '~1');
  const messageName = (message: Json, fallback: string) => (typeof message.$ref === 'string' ? message.$ref.slice(message.$ref.lastIndexOf('/') + 1) : ((message.name as string) ?? fallback));
  const { asyncapi: _, id: _id, channels, servers, components, tags, externalDocs, ...rest } = doc;
  const outChannels: Json = {};
  const operations: Json = {};
  for (const [address, item] of Object.entries(channels as Json)) {
    const { publish, subscribe, ...channel } = item as Json;
    const messages: Json = {};
    for (const [verb, action] of [['subscribe', 'send'], ['publish', 'receive']] as const) {
      const operation = (verb === 'subscribe' ? subscribe : publish) as Json | undefined;
      if (!operation) continue;
      const { operationId, message, ...details } = operation;
      const listed = (message as Json).oneOf ? ((message as Json).oneOf as Json[]) : [message as Json];
      const names = listed.map((m, index) => messageName(m, `${operationId as string}Message${index}`));
      listed.forEach((m, index) => (messages[names[index]!] = m));
      operations[(operationId as string) ?? `${action}${address}`] = { action, channel: { $ref: `#/channels/${escape(address)}` }, messages: names.map((name) => ({ $ref: `#/channels/${escape(address)}/messages/${escape(name)}` })), ...details };
    }
    outChannels[address] = { address, messages, ...channel };
  }
  const outServers = Object.fromEntries(Object.entries((servers ?? {}) as Json).map(([name, server]) => {
    const { url, security, ...details } = server as Json;
    const [host, ...path] = (url as string).replace(/^[a-z+-]+:\/\//, '').split('/');
    return [name, { host, ...(path.length > 0 && { pathname: `/${path.join('/')}` }), ...details, ...(security !== undefined && { security: (security as Json[]).flatMap((requirement) => Object.keys(requirement).map((scheme) => ({ $ref: `#/components/securitySchemes/${scheme}` }))) }) }];
  }));
  const messages = Object.fromEntries(Object.entries(((components as Json)?.messages ?? {}) as Json).map(([name, message]) => {
    const { messageId: _m, ...kept } = message as Json;
    return [name, kept];
  }));
  const info = { ...(rest.info as Json), ...(tags !== undefined && { tags }), ...(externalDocs !== undefined && { externalDocs }) };
  return { asyncapi: '3.1.0', ...rest, info, servers: outServers, channels: outChannels, operations, components: { ...(components as Json), messages } };
}

describe('example contracts upgraded to OpenAPI 3.2 and AsyncAPI 3.1', () => {
  it('cover every 3.x example', () => {
    expect(upgrades.map(({ upgraded }) => upgraded.openapi ?? upgraded.asyncapi).sort()).toEqual([...Array(6).fill('3.1.0'), ...Array(9).fill('3.2.0')].sort());
  });

  it.each(upgrades.map(({ file, doc, upgraded }) => [file, doc, upgraded] as const))('%s: is accepted, and diffs clean against itself and its original', async (_file, doc, upgraded) => {
    const ingested = await parseSpec(JSON.stringify(upgraded));
    expect(ingested.ok || `${ingested.code}: ${ingested.message}`).toBe(true);
    expect(findBreakingChanges(upgraded, structuredClone(upgraded))).toEqual([]);
    expect(findBreakingChanges(doc, upgraded)).toEqual([]);
    expect(findBreakingChanges(upgraded, doc)).toEqual([]);
  });
});

describe('Swagger 2.0 and AsyncAPI 2.6 examples rewritten as OpenAPI 3.2 and AsyncAPI 3.1', () => {
  const rewrites = documents.flatMap(({ file, doc }) => {
    if (doc.swagger === '2.0') return [{ file, doc, rewritten: asOpenApi32FromSwagger2(doc) }];
    if (typeof doc.asyncapi === 'string' && doc.asyncapi.startsWith('2.')) return [{ file, doc, rewritten: asAsyncApi31FromAsyncApi2(doc) }];
    return [];
  });

  it('cover every 2.x example', () => {
    expect(rewrites.map(({ rewritten }) => rewritten.openapi ?? rewritten.asyncapi).sort()).toEqual([...Array(3).fill('3.1.0'), ...Array(3).fill('3.2.0')]);
  });

  it.each(rewrites.map(({ file, doc, rewritten }) => [file, doc, rewritten] as const))('%s: is accepted, and diffs clean against itself and its original', async (_file, doc, rewritten) => {
    const ingested = await parseSpec(JSON.stringify(rewritten));
    expect(ingested.ok || `${ingested.code}: ${ingested.message}`).toBe(true);
    expect(findBreakingChanges(rewritten, structuredClone(rewritten))).toEqual([]);
    expect(findBreakingChanges(doc, rewritten)).toEqual([]);
    expect(findBreakingChanges(rewritten, doc)).toEqual([]);
  });

  it('still sees each example\'s own breaking release across the rewrite', () => {
    const byFile = new Map(rewrites.map(({ file, doc, rewritten }) => [file, { doc, rewritten }]));
    for (const contract of ['legacy/legacy-loyalty-api', 'banking/core-banking-transaction-events']) {
      const [before, after] = [byFile.get(join(contract, '1.1.0.yaml'))!, byFile.get(join(contract, '2.0.0.yaml'))!];
      // Pointers differ between the formats; what breaks, and for which operations, may not.
      const errors = (base: object, head: object) => findBreakingChanges(base, head).filter((f) => f.level === 'error').map((f) => `${f.id} ${f.operations.join(', ')}`).sort();
      const original = errors(before.doc, after.doc);
      expect(original.length, contract).toBeGreaterThan(0);
      expect(errors(before.doc, after.rewritten), contract).toEqual(original);
      expect(errors(before.rewritten, after.rewritten), contract).toEqual(original);
    }
  });
});
