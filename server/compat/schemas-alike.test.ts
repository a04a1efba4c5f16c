import { describe, expect, it } from 'vitest';
import { findBreakingChanges } from './find-breaking-changes.js';
import { createSchemasAlike } from './schemas-alike.js';

type Schemas = Record<string, unknown>;

const doc = (schemas: Schemas, openapi = '3.0.3') => ({ openapi, info: { title: 'Shop', version: '1' }, paths: {}, components: { schemas } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

// Order and Customer refer to each other: a loop every large contract has somewhere.
const order = { type: 'object', properties: { id: { type: 'string' }, customer: ref('Customer') } };
const customer = (maxLength: number) => ({ type: 'object', properties: { name: { type: 'string', maxLength }, orders: { type: 'array', items: ref('Order') } } });

describe('createSchemasAlike', () => {
  it('finds a schema alike when it and all it reaches, round a loop of references, are written alike', () => {
    const [base, head] = [doc({ Order: order, Customer: customer(50) }), doc({ Order: order, Customer: customer(50) })];
    expect(createSchemasAlike()({ doc: base, node: ref('Order') }, { doc: head, node: ref('Order') })).toBe(true);
  });

  it('finds a schema written alike different when a schema it reaches changed', () => {
    const [base, head] = [doc({ Order: order, Customer: customer(50) }), doc({ Order: order, Customer: customer(40) })];
    const alike = createSchemasAlike();
    expect(alike({ doc: base, node: ref('Order') }, { doc: head, node: ref('Order') })).toBe(false);
    expect(alike({ doc: base, node: order.properties.id }, { doc: head, node: order.properties.id })).toBe(true);
  });

  it('finds nothing alike between a document that applies keywords beside a $ref and one that ignores them', () => {
    const [base, head] = [doc({ Order: order }, '3.0.3'), doc({ Order: order }, '3.1.0')];
    expect(createSchemasAlike()({ doc: base, node: ref('Order') }, { doc: head, node: ref('Order') })).toBe(false);
  });

  it('finds a reference neither document can resolve different, so that the comparison reports it', () => {
    const [base, head] = [doc({}), doc({})];
    expect(createSchemasAlike()({ doc: base, node: ref('Missing') }, { doc: head, node: ref('Missing') })).toBe(false);
  });

  it('leaves the findings of a change deep in a loop of references as they were: every operation that reaches it is named', () => {
    const api = (maxLength: number) => ({
      ...doc({ Order: order, Customer: customer(maxLength) }),
      paths: {
        '/orders': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: ref('Order') } } } } } },
        '/customers': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: ref('Customer') } } } } } },
      },
    });
    const findings = findBreakingChanges(api(50), api(60));
    expect(findings.map((f) => [f.id, f.operations])).toEqual([['response-max-length-increased', ['GET /customers', 'GET /orders']]]);
  });
});
