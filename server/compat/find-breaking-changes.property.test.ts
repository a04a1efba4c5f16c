import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffOpenApi } from './diff-openapi.js';
import { findBreakingChanges } from './find-breaking-changes.js';

type Json = Record<string, unknown>;

const propertyName = fc.constantFrom('id', 'name', 'count', 'tags', 'owner');
const ref = fc.constantFrom('A', 'B').map((name) => ({ $ref: `#/components/schemas/${name}` }));

type Version = '3.0' | '3.1';

/** Scalars as 3.0 writes them (`nullable`, boolean `exclusiveMinimum`) or with 3.1's type arrays and `const`. */
function scalarOf(version: Version): fc.Arbitrary<Json> {
  const common = {
    format: fc.constantFrom('date-time', 'int64', 'uuid'),
    enum: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1 }),
    maxLength: fc.nat(50),
    minimum: fc.integer({ min: -5, max: 5 }),
    multipleOf: fc.constantFrom(1, 2, 0.5),
    pattern: fc.constantFrom('^a', '^[0-9]+$'),
    readOnly: fc.boolean(),
  };
  if (version === '3.0') {
    return fc.record(
      { ...common, type: fc.constantFrom('string', 'integer', 'number', 'boolean'), nullable: fc.boolean(), exclusiveMinimum: fc.boolean(), example: fc.constantFrom('x', 1) },
      { requiredKeys: ['type'] },
    );
  }
  return fc.record(
    {
      ...common,
      type: fc.oneof(fc.constantFrom('string', 'integer', 'number', 'boolean'), fc.uniqueArray(fc.constantFrom('string', 'integer', 'null'), { minLength: 1 })),
      const: fc.constantFrom('a', 1, null),
      exclusiveMinimum: fc.integer({ min: -5, max: 5 }),
      examples: fc.constant(['x']),
    },
    { requiredKeys: ['type'] },
  );
}

/** Schemas with shared, possibly circular references, `allOf`, discriminated `oneOf` and (3.1) boolean schemas. */
function schemasOf(version: Version) {
  const scalar = scalarOf(version);
  const discriminator = fc.record({
    propertyName: fc.constantFrom('kind', 'type'),
    mapping: fc.dictionary(fc.constantFrom('a', 'b'), fc.constantFrom('#/components/schemas/A', '#/components/schemas/B'), { maxKeys: 2 }),
  });
  return fc.letrec<{ schema: Json | boolean; object: Json; array: Json }>((tie) => ({
    schema: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      ref,
      tie('object'),
      tie('array'),
      fc.record({ oneOf: fc.array(fc.oneof(ref, scalar), { minLength: 1, maxLength: 3 }) }),
      fc.record({ oneOf: fc.array(ref, { minLength: 1, maxLength: 2 }), discriminator }),
      fc.record({ allOf: fc.array(fc.oneof(ref, tie('object')), { minLength: 1, maxLength: 3 }) }),
      ...(version === '3.1' ? [fc.boolean()] : []),
    ),
    object: fc
      .record({
        properties: fc.dictionary(propertyName, tie('schema'), { maxKeys: 3 }),
        requiredMask: fc.array(fc.boolean(), { maxLength: 5 }),
        additionalProperties: fc.constantFrom(undefined, false, true, { type: 'string' }),
      })
      .map(({ properties, requiredMask, additionalProperties }) => ({
        type: 'object',
        properties,
        required: Object.keys(properties).filter((_, i) => requiredMask[i]),
        ...(additionalProperties !== undefined && { additionalProperties }),
      })),
    array: fc.record({ type: fc.constant('array'), items: tie('schema'), maxItems: fc.nat(9), uniqueItems: fc.boolean() }, { requiredKeys: ['type', 'items'] }),
  }));
}

const content = (body: fc.Arbitrary<Json>) => fc.dictionary(fc.constantFrom('application/json', 'application/xml'), body.map((s) => ({ schema: s })), { minKeys: 1, maxKeys: 2 });

/** Small OpenAPI documents of one version with shared, possibly circular, component schemas. */
function documentOf(version: Version): fc.Arbitrary<Json> {
  const { object } = schemasOf(version);
  const parameter = fc.record({
    name: fc.constantFrom('limit', 'cursor', 'X-Trace'),
    in: fc.constantFrom('query', 'header', 'cookie'),
    required: fc.boolean(),
    schema: scalarOf(version),
  });
  const operation = fc.record(
    {
      deprecated: fc.boolean(),
      parameters: fc.uniqueArray(parameter, { maxLength: 3, selector: (p) => `${p.in} ${p.name}` }),
      requestBody: fc.record({ required: fc.boolean(), content: content(fc.oneof(ref, object)) }, { requiredKeys: ['content'] }),
      responses: fc.record(
        {
          200: fc.record({ description: fc.constant('ok'), content: content(fc.oneof(ref, object)) }),
          404: fc.constant({ description: 'missing' }),
        },
        { requiredKeys: ['200'] },
      ),
      security: fc.array(fc.dictionary(fc.constantFrom('key', 'oauth'), fc.subarray(['read', 'write']), { maxKeys: 2 }), { maxLength: 2 }),
    },
    { requiredKeys: ['responses'] },
  );
  return fc.record({
    openapi: fc.constant(version === '3.0' ? '3.0.3' : '3.1.0'),
    info: fc.constant({ title: 'Generated', version: '1.0.0' }),
    paths: fc.dictionary(fc.constantFrom('/a', '/b/{id}', '/c'), fc.dictionary(fc.constantFrom('get', 'post', 'delete'), operation, { minKeys: 1, maxKeys: 2 }), { maxKeys: 3 }),
    components: fc.record({ schemas: fc.record({ A: object, B: object }) }),
  });
}

const document = fc.oneof(documentOf('3.0'), documentOf('3.1'));

/** Adds an optional property to the object every 200 response of the document returns. */
function withOptionalResponseProperty(doc: Json): Json {
  const copy = structuredClone(doc) as { paths: Record<string, Record<string, { responses: { 200: { content: Record<string, { schema: Json }> } } }>>; components: { schemas: Record<string, Json> } };
  for (const item of Object.values(copy.paths)) {
    for (const op of Object.values(item)) {
      for (const media of Object.values(op.responses[200].content)) {
        const target = typeof media.schema.$ref === 'string' ? copy.components.schemas[media.schema.$ref.split('/').pop()!]! : media.schema;
        (target.properties as Json).addedLater = { type: 'string' };
      }
    }
  }
  return copy as unknown as Json;
}

/**
 * Splits each component schema into an `allOf` of a referenced part holding its first properties
 * and an inline part holding the rest: the same schema, written differently.
 */
function withComponentsSplit(doc: Json): Json {
  const copy = structuredClone(doc) as { components: { schemas: Record<string, Json> } };
  for (const [name, schema] of Object.entries(copy.components.schemas)) {
    const { properties, required, additionalProperties } = schema as { properties: Json; required: string[]; additionalProperties?: unknown };
    const names = Object.keys(properties);
    const half = (from: number, to: number) => {
      const own = names.slice(from, to);
      return { properties: Object.fromEntries(own.map((property) => [property, properties[property]])), required: required.filter((property) => own.includes(property)) };
    };
    copy.components.schemas[`${name}Part`] = { type: 'object', ...half(0, 1) };
    copy.components.schemas[name] = {
      allOf: [{ $ref: `#/components/schemas/${name}Part` }, half(1, names.length)],
      ...(additionalProperties !== undefined && { additionalProperties }),
    };
  }
  return copy as unknown as Json;
}

/** The same document written as 3.1: `nullable` as a type array, exclusive bounds as numbers, `examples`. */
function as31(doc: Json): Json {
  const convert = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(convert);
    if (value === null || typeof value !== 'object') return value;
    const { nullable, exclusiveMinimum, minimum, example, ...rest } = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, convert(child)])) as Json;
    const schema: Json = { ...rest };
    if (minimum !== undefined) schema[exclusiveMinimum === true ? 'exclusiveMinimum' : 'minimum'] = minimum;
    if (example !== undefined) schema.examples = [example];
    if (nullable === true && typeof schema.type === 'string') {
      schema.type = [schema.type, 'null'];
      if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    }
    return schema;
  };
  return { ...(convert(doc) as Json), openapi: '3.1.0' };
}

/**
 * The same document with every nullable type written as a union with null, as 3.1 documents often
 * do: `type: [x, 'null']` becomes `oneOf: [{type: x, …}, {type: 'null'}]` (or `anyOf`).
 */
function asNullUnion(doc: Json, keyword: 'oneOf' | 'anyOf'): Json {
  const convert = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(convert);
    if (value === null || typeof value !== 'object') return value;
    const schema = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, convert(child)])) as Json;
    if (!Array.isArray(schema.type) || !schema.type.includes('null') || schema.type.length < 2) return schema;
    const types = schema.type.filter((type) => type !== 'null');
    const branch: Json = { ...schema, type: types.length === 1 ? types[0] : types };
    if (Array.isArray(schema.enum)) branch.enum = schema.enum.filter((v) => v !== null);
    if (schema.const === null) delete branch.const;
    return { [keyword]: [branch, { type: 'null' }] };
  };
  return convert(doc) as Json;
}

/** The same document with every `oneOf` (and its discriminator) moved into an `allOf` member of its own. */
function withAlternativesInMembers(doc: Json): Json {
  const convert = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(convert);
    if (value === null || typeof value !== 'object') return value;
    const { oneOf, discriminator, ...rest } = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, convert(child)])) as Json;
    if (oneOf === undefined) return rest;
    return { ...rest, allOf: [...((rest.allOf as unknown[]) ?? []), { oneOf, ...(discriminator !== undefined && { discriminator }) }] };
  };
  return convert(doc) as Json;
}

describe('the engine on generated documents', () => {
  it('finds no change at all between a document and itself', () => {
    fc.assert(
      fc.property(document, (doc) => {
        expect(diffOpenApi(doc, structuredClone(doc))).toEqual([]);
      }),
    );
  });

  it('never calls adding an optional response property an error', () => {
    fc.assert(
      fc.property(document, (doc) => {
        const findings = findBreakingChanges(doc, withOptionalResponseProperty(doc));
        expect(findings.filter((finding) => finding.level === 'error')).toEqual([]);
        if (Object.keys(doc.paths as Json).length > 0) expect(findings.map((finding) => finding.id)).toContain('response-property-added');
      }),
    );
  });

  it('finds nothing when component schemas are split into an equivalent allOf', () => {
    fc.assert(
      fc.property(document, (doc) => {
        expect(findBreakingChanges(doc, withComponentsSplit(doc))).toEqual([]);
        expect(findBreakingChanges(withComponentsSplit(doc), doc)).toEqual([]);
      }),
    );
  });

  it('finds nothing when a 3.0 document is rewritten as 3.1', () => {
    fc.assert(
      fc.property(documentOf('3.0'), (doc) => {
        expect(findBreakingChanges(doc, as31(doc))).toEqual([]);
      }),
    );
  });

  it('finds nothing when nullable types are rewritten as unions with null', () => {
    fc.assert(
      fc.property(documentOf('3.0'), fc.constantFrom('oneOf' as const, 'anyOf' as const), (doc, keyword) => {
        const union = asNullUnion(as31(doc), keyword);
        expect(findBreakingChanges(doc, union)).toEqual([]);
        expect(findBreakingChanges(union, as31(doc))).toEqual([]);
      }),
    );
  });

  it('finds nothing when alternatives are moved into allOf members of their own', () => {
    fc.assert(
      fc.property(document, (doc) => {
        expect(findBreakingChanges(doc, withAlternativesInMembers(doc))).toEqual([]);
        expect(findBreakingChanges(withAlternativesInMembers(doc), doc)).toEqual([]);
      }),
    );
  });

  it('never throws, whatever two documents it compares', () => {
    fc.assert(
      fc.property(document, document, (base, head) => {
        findBreakingChanges(base, head);
      }),
    );
  });
});

const NOW = new Date('2026-06-01T00:00:00Z');
const lifecycle = fc.constantFrom<Json>(
  {},
  { deprecated: true },
  { deprecated: true, 'x-sunset': '2026-01-01' },
  { deprecated: true, 'x-sunset': '2026-12-31' },
  { deprecated: true, 'x-sunset': 'when we get to it' },
  { 'x-sunset': '2026-01-01' },
);
type Action = 'send' | 'receive';
/** Channels by address, each with its own lifecycle and that of each operation on it; `kept` says whether the head keeps the operation. */
type AsyncModel = Record<string, { lifecycle: Json; operations: Partial<Record<Action, { lifecycle: Json; kept: boolean }>> }>;

const asyncModel: fc.Arbitrary<AsyncModel> = fc.dictionary(
  fc.constantFrom('stock.adjusted', 'stock.counted', 'orders.{orderId}'),
  fc.record({
    lifecycle,
    operations: fc.record({ send: fc.record({ lifecycle, kept: fc.boolean() }), receive: fc.record({ lifecycle, kept: fc.boolean() }) }, { requiredKeys: [] }),
  }),
  { maxKeys: 3 },
);

/** The model as an AsyncAPI 2.6 or 3.0 document, with every operation or only the kept ones. */
function asyncDocumentOf(model: AsyncModel, version: '2.6' | '3.0', side: 'base' | 'head'): Json {
  const present = (operation: { kept: boolean } | undefined) => operation !== undefined && (side === 'base' || operation.kept);
  const message = { name: 'Event', payload: { type: 'object' } };
  const entries = Object.entries(model);
  if (version === '2.6') {
    const verbs = { send: 'subscribe', receive: 'publish' } as const;
    const channels = entries.map(([address, channel]) => [
      address,
      { ...channel.lifecycle, ...Object.fromEntries((['send', 'receive'] as const).filter((action) => present(channel.operations[action])).map((action) => [verbs[action], { ...channel.operations[action]!.lifecycle, message }])) },
    ]);
    return { asyncapi: '2.6.0', info: { title: 'Generated', version: '1.0.0' }, channels: Object.fromEntries(channels) };
  }
  const id = (address: string) => address.replace(/[^a-z]/g, '');
  const operations = entries.flatMap(([address, channel]) =>
    (['send', 'receive'] as const).filter((action) => present(channel.operations[action])).map((action) => [`${action}-${id(address)}`, { action, channel: { $ref: `#/channels/${id(address)}` }, ...channel.operations[action]!.lifecycle }]),
  );
  const channels = entries.map(([address, channel]) => [id(address), { address, ...channel.lifecycle, messages: { event: message } }]);
  return { asyncapi: '3.0.0', info: { title: 'Generated', version: '1.0.0' }, channels: Object.fromEntries(channels), operations: Object.fromEntries(operations) };
}

/** Whether removing the operation keeps the promise made to its clients: deprecated, with a sunset that passed. */
function removableAfterSunset(channel: Json, operation: Json): boolean {
  const sunset = operation['x-sunset'] ?? channel['x-sunset'];
  const at = typeof sunset === 'string' ? Date.parse(sunset) : Number.NaN;
  return (operation.deprecated === true || channel.deprecated === true) && at < NOW.getTime();
}

describe('the engine on generated AsyncAPI removals', () => {
  const version = fc.constantFrom('2.6' as const, '3.0' as const);

  it('calls removing operations breaking exactly when one of them had not passed an announced sunset', () => {
    fc.assert(
      fc.property(asyncModel, version, (model, v) => {
        const removed = Object.values(model).flatMap((channel) => Object.values(channel.operations).filter((operation) => !operation.kept).map((operation) => removableAfterSunset(channel.lifecycle, operation.lifecycle)));
        const findings = findBreakingChanges(asyncDocumentOf(model, v, 'base'), asyncDocumentOf(model, v, 'head'), { now: NOW });
        expect(findings.some((finding) => finding.level === 'error')).toBe(removed.includes(false));
        if (!removed.includes(false)) expect(findings.map((finding) => finding.id)).toEqual(removed.map(() => 'channel-operation-removed-after-sunset'));
      }),
    );
  });

  it('names every removed operation in exactly one finding', () => {
    fc.assert(
      fc.property(asyncModel, version, (model, v) => {
        const removed = Object.entries(model).flatMap(([address, channel]) => Object.entries(channel.operations).filter(([, operation]) => !operation.kept).map(([action]) => `${action} ${address}`));
        const findings = findBreakingChanges(asyncDocumentOf(model, v, 'base'), asyncDocumentOf(model, v, 'head'), { now: NOW });
        expect(findings.flatMap((finding) => finding.operations).sort()).toEqual(removed.sort());
      }),
    );
  });
});
