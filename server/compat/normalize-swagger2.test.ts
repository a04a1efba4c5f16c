import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findBreakingChanges } from './find-breaking-changes.js';
import type { Finding } from './finding.js';
import { normalizeSwagger2 } from './normalize-swagger2.js';

const info = { title: 'Orders', version: '1.0.0' };

/** What a finding says, without the change record, so a 2.0 and a 3.0 finding can be compared. */
const summary = (findings: Finding[]) => findings.map(({ id, level, operations, pointer }) => ({ id, level, operations, pointer })).sort((a, b) => a.id.localeCompare(b.id));

/** An order API in 2.0, with an order schema given per test. */
function swagger(order: object, extra: object = {}) {
  return {
    swagger: '2.0',
    info,
    basePath: '/v1',
    consumes: ['application/json'],
    produces: ['application/json'],
    paths: {
      '/orders': {
        post: {
          parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Order' } }],
          responses: { 201: { description: 'Created', schema: { $ref: '#/definitions/Order' } } },
        },
      },
      '/orders/{id}/attachments': {
        parameters: [{ $ref: '#/parameters/OrderId' }],
        post: {
          consumes: ['multipart/form-data'],
          parameters: [
            { name: 'file', in: 'formData', required: true, type: 'file' },
            { name: 'caption', in: 'formData', type: 'string', maxLength: 80 },
          ],
          responses: { 204: { description: 'Attached' }, 404: { $ref: '#/responses/NotFound' } },
        },
      },
    },
    parameters: { OrderId: { name: 'id', in: 'path', required: true, type: 'string' } },
    responses: { NotFound: { description: 'No such order', schema: { $ref: '#/definitions/Problem' } } },
    definitions: { Order: order, Problem: { type: 'object', properties: { title: { type: 'string' } } } },
    ...extra,
  };
}

/** The same API written in 3.0 by hand. */
function openapi(order: object) {
  const json = (schema: object) => ({ 'application/json': { schema } });
  return {
    openapi: '3.0.3',
    info,
    servers: [{ url: '/v1' }],
    paths: {
      '/orders': {
        post: {
          requestBody: { required: true, content: json({ $ref: '#/components/schemas/Order' }) },
          responses: { 201: { description: 'Created', content: json({ $ref: '#/components/schemas/Order' }) } },
        },
      },
      '/orders/{id}/attachments': {
        parameters: [{ $ref: '#/components/parameters/OrderId' }],
        post: {
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, caption: { type: 'string', maxLength: 80 } }, required: ['file'] },
              },
            },
          },
          responses: { 204: { description: 'Attached' }, 404: { $ref: '#/components/responses/NotFound' } },
        },
      },
    },
    components: {
      schemas: { Order: order, Problem: { type: 'object', properties: { title: { type: 'string' } } } },
      parameters: { OrderId: { name: 'id', in: 'path', required: true, schema: { type: 'string' } } },
      responses: { NotFound: { description: 'No such order', content: json({ $ref: '#/components/schemas/Problem' }) } },
    },
  };
}

const order = (properties: object, required: string[] = ['sku']) => ({ type: 'object', required, properties: { sku: { type: 'string' }, ...properties } });
/** A 2.0 order: a 3.0 order with `x-nullable` for `nullable`, refs to `#/definitions/`. */
const order2 = (properties: object, required: string[] = ['sku']) => JSON.parse(JSON.stringify(order(properties, required)).replaceAll('"nullable"', '"x-nullable"').replaceAll('#/components/schemas/', '#/definitions/'));

describe('normalizeSwagger2', () => {
  it('finds in a 2.0 pair what it finds in the same pair written in 3.0', () => {
    const pairs: [object, object][] = [
      [{ note: { type: 'string' } }, {}],
      [{ note: { type: 'string' } }, { note: { type: 'string', maxLength: 10 } }],
      [{ note: { type: 'string' } }, { note: { type: 'string', nullable: true } }],
      [{ parent: { $ref: '#/components/schemas/Order' } }, { parent: { $ref: '#/components/schemas/Order' }, child: { $ref: '#/components/schemas/Order' } }],
    ];
    for (const [from, to] of pairs) {
      const expected = summary(findBreakingChanges(openapi(order(from)), openapi(order(to))));
      expect(expected.length, JSON.stringify(to)).toBeGreaterThan(0);
      expect(summary(findBreakingChanges(swagger(order2(from)), swagger(order2(to))))).toEqual(expected);
    }
  });

  it('turns a form parameter change into the request-body schema change 3.0 would report', () => {
    const base = swagger(order({}));
    const head = structuredClone(base);
    head.paths['/orders/{id}/attachments'].post.parameters[1] = { name: 'caption', in: 'formData', required: true, type: 'string', maxLength: 40 } as never;
    const ids = findBreakingChanges(base, head).map((f) => `${f.id} ${f.pointer}`).sort();
    expect(ids).toEqual([
      'request-max-length-decreased /paths/~1orders~1{id}~1attachments/post/requestBody/content/multipart~1form-data/schema/properties/caption',
      'request-property-became-required /paths/~1orders~1{id}~1attachments/post/requestBody/content/multipart~1form-data/schema/properties/caption',
    ]);
  });

  it('moves a response schema under each produced media type and a body under each consumed one', () => {
    const doc = normalizeSwagger2(swagger(order({}), { produces: ['application/json', 'application/xml'] })) as ReturnType<typeof openapi>;
    expect(Object.keys(doc.paths['/orders'].post.responses[201].content)).toEqual(['application/json', 'application/xml']);
    expect(Object.keys(doc.paths['/orders'].post.requestBody.content)).toEqual(['application/json']);
    expect(doc.components.responses.NotFound.content).toHaveProperty(['application/xml', 'schema', '$ref'], '#/components/schemas/Problem');
  });

  it('reports a change to a circular definition once, at its 3.0 pointer', () => {
    const base = swagger(order2({ parent: { $ref: '#/components/schemas/Order' }, note: { type: 'string' } }));
    const head = swagger(order2({ parent: { $ref: '#/components/schemas/Order' } }));
    const removed = findBreakingChanges(base, head).filter((f) => f.id === 'response-optional-property-removed');
    expect(removed).toHaveLength(1);
    expect(removed[0]!.pointer).toBe('/components/schemas/Order/properties/note');
  });

  it('leaves its input untouched', () => {
    const doc = swagger(order2({ parent: { $ref: '#/components/schemas/Order' } }));
    const before = JSON.stringify(doc);
    normalizeSwagger2(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('finds nothing when an API migrates from 2.0 to the same API in 3.0', () => {
    const properties = { note: { type: 'string', nullable: true }, parent: { $ref: '#/components/schemas/Order' } };
    expect(findBreakingChanges(swagger(order2(properties)), openapi(order(properties)))).toEqual([]);
    expect(findBreakingChanges(openapi(order(properties)), swagger(order2(properties)))).toEqual([]);
  });

  describe('on the legacy loyalty API example', () => {
    const version = (v: string) => parse(readFileSync(new URL(`../../specs/examples/legacy/legacy-loyalty-api/${v}.yaml`, import.meta.url), 'utf8')) as object;

    it('sees 1.1.0 as a compatible release', () => {
      const findings = findBreakingChanges(version('1.0.0'), version('1.1.0'));
      expect(findings.filter((f) => f.level === 'error')).toEqual([]);
      expect(findings.map((f) => f.id)).toEqual(expect.arrayContaining(['path-added', 'response-property-added']));
    });

    it('sees the breaking changes 2.0.0 announces', () => {
      const errors = findBreakingChanges(version('1.1.0'), version('2.0.0')).filter((f) => f.level === 'error');
      expect(errors.map((f) => `${f.id} ${f.operations.join(', ')}`).sort()).toEqual([
        'path-removed POST /members/{memberId}/points/earn',
        'path-removed POST /members/{memberId}/points/redeem',
        'response-property-removed GET /members/{memberId}/points',
        // `basePath: /api` became `/api/v2`: the operations that stayed answer elsewhere.
        'server-url-path-changed GET /members, GET /members/{memberId}, GET /members/{memberId}/points, GET /members/{memberId}/transactions, GET /rewards',
      ]);
    });

    it('finds nothing between 1.0.0 and itself converted to 3.0', () => {
      const legacy = version('1.0.0');
      expect(findBreakingChanges(legacy, normalizeSwagger2(legacy as never))).toEqual([]);
    });
  });
});
