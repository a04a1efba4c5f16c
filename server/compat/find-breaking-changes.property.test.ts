import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffOpenApi } from './diff-openapi.js';
import { findBreakingChanges } from './find-breaking-changes.js';

type Json = Record<string, unknown>;

const propertyName = fc.constantFrom('id', 'name', 'count', 'tags', 'owner');
const ref = fc.constantFrom('A', 'B').map((name) => ({ $ref: `#/components/schemas/${name}` }));

const scalar = fc.record(
  {
    type: fc.constantFrom('string', 'integer', 'number', 'boolean'),
    nullable: fc.boolean(),
    format: fc.constantFrom('date-time', 'int64', 'uuid'),
    enum: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1 }),
    maxLength: fc.nat(50),
    minimum: fc.integer({ min: -5, max: 5 }),
    pattern: fc.constantFrom('^a', '^[0-9]+$'),
    readOnly: fc.boolean(),
  },
  { requiredKeys: ['type'] },
);

const { object } = fc.letrec<{ schema: Json; object: Json; array: Json }>((tie) => ({
  schema: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, ref, tie('object'), tie('array'), fc.record({ oneOf: fc.array(fc.oneof(ref, scalar), { minLength: 1, maxLength: 3 }) })),
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
  array: fc.record({ type: fc.constant('array'), items: tie('schema'), maxItems: fc.nat(9) }, { requiredKeys: ['type', 'items'] }),
}));

const content = (body: fc.Arbitrary<Json>) => fc.dictionary(fc.constantFrom('application/json', 'application/xml'), body.map((s) => ({ schema: s })), { minKeys: 1, maxKeys: 2 });

const parameter = fc.record({
  name: fc.constantFrom('limit', 'cursor', 'X-Trace'),
  in: fc.constantFrom('query', 'header', 'cookie'),
  required: fc.boolean(),
  schema: scalar,
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

/** Small OpenAPI documents with shared, possibly circular, component schemas. */
const document = fc.record({
  openapi: fc.constantFrom('3.0.3', '3.1.0'),
  info: fc.constant({ title: 'Generated', version: '1.0.0' }),
  paths: fc.dictionary(fc.constantFrom('/a', '/b/{id}', '/c'), fc.dictionary(fc.constantFrom('get', 'post', 'delete'), operation, { minKeys: 1, maxKeys: 2 }), { maxKeys: 3 }),
  components: fc.record({ schemas: fc.record({ A: object, B: object }) }),
});

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
        if (Object.keys(doc.paths).length > 0) expect(findings.map((finding) => finding.id)).toContain('response-property-added');
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
