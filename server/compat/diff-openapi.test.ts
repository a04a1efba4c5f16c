import { describe, expect, it } from 'vitest';
import { diffOpenApi } from './diff-openapi.js';
import { findBreakingChanges } from './find-breaking-changes.js';

const ok = { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } };

/** A tree whose nodes point at their parent and children: circular through two paths. */
function treeApi(node: object, extra: Record<string, object> = {}) {
  return {
    openapi: '3.1.0',
    info: { title: 'Trees', version: '1' },
    paths: {
      '/trees': { get: { responses: ok } },
      '/forests/{forestId}': { get: { responses: ok }, put: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } }, responses: ok } },
    },
    components: {
      schemas: {
        Node: node,
        Branch: { type: 'object', properties: { node: { $ref: '#/components/schemas/Node' }, next: { $ref: '#/components/schemas/Branch' } } },
        ...extra,
      },
    },
  };
}

const node = (properties: object, required = ['name']) => ({
  type: 'object',
  required,
  properties: { parent: { $ref: '#/components/schemas/Node' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } }, branch: { $ref: '#/components/schemas/Branch' }, ...properties },
});

describe('diffOpenApi', () => {
  it('terminates on circular schemas and finds nothing between a document and itself', () => {
    const api = treeApi(node({ name: { type: 'string' } }));
    expect(diffOpenApi(api, structuredClone(api))).toEqual([]);
  });

  it('reports a change to a shared circular schema once, naming every operation that reads it', () => {
    const base = treeApi(node({ name: { type: 'string' } }));
    const head = treeApi(node({}, []));
    const removed = findBreakingChanges(base, head).filter((finding) => finding.id === 'response-property-removed');
    expect(removed).toHaveLength(1);
    expect(removed[0]!.operations).toEqual(['GET /forests/{forestId}', 'GET /trees', 'PUT /forests/{forestId}']);
    expect(removed[0]!.pointer).toBe('/components/schemas/Node/properties/name');
  });

  it('reports a shared schema once per direction when requests and responses both use it', () => {
    const base = treeApi(node({ name: { type: 'string', maxLength: 10 } }));
    const head = treeApi(node({ name: { type: 'string', maxLength: 5 } }));
    const changes = diffOpenApi(base, head);
    expect(changes.map((c) => ('direction' in c ? c.direction : c.kind)).sort()).toEqual(['request', 'response']);
    const request = changes.find((c) => 'direction' in c && c.direction === 'request');
    expect(request && 'operations' in request && request.operations).toEqual(['PUT /forests/{forestId}']);
  });

  it('matches paths whatever their parameters are called', () => {
    const base = treeApi(node({ name: { type: 'string' } }));
    const head = structuredClone(base) as { paths: Record<string, unknown> };
    head.paths['/forests/{id}'] = head.paths['/forests/{forestId}'];
    delete head.paths['/forests/{forestId}'];
    expect(diffOpenApi(base, head)).toEqual([]);
  });

  it('treats a renamed path parameter as the same parameter', () => {
    const api = (name: string) => ({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { [`/orders/{${name}}`]: { get: { parameters: [{ name, in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'ok' } } } } },
    });
    expect(diffOpenApi(api('id'), api('orderId'))).toEqual([]);
  });

  it('reads 3.0 nullable and a 3.1 type array as the same types', () => {
    const with30 = treeApi(node({ name: { type: 'string', nullable: true } }));
    const with31 = treeApi(node({ name: { type: ['null', 'string'] } }));
    expect(diffOpenApi(with30, with31)).toEqual([]);
  });

  it('sees integer to number as widening and not narrowing', () => {
    const base = treeApi(node({ name: { type: 'integer' } }));
    const head = treeApi(node({ name: { type: 'number' } }));
    const ids = findBreakingChanges(base, head).map((finding) => finding.id).sort();
    expect(ids).toEqual(['request-type-widened', 'response-type-widened']);
  });

  it('stops following a loop of references that point only at each other', () => {
    const loop = treeApi({ $ref: '#/components/schemas/Loop' }, { Loop: { $ref: '#/components/schemas/Node' } });
    expect(() => diffOpenApi(loop, treeApi(node({})))).not.toThrow();
    expect(diffOpenApi(loop, structuredClone(loop))).toEqual([]);
  });

  it('judges security by the alternatives callers can still use', () => {
    const api = (security: object[] | undefined) => ({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/x': { get: { ...(security && { security }), responses: { 200: { description: 'ok' } } } } },
    });
    const ids = (from: object[] | undefined, to: object[] | undefined) => findBreakingChanges(api(from), api(to)).map((f) => `${f.level} ${f.id}`).sort();
    expect(ids(undefined, [{ key: [] }])).toEqual(['error security-alternative-removed', 'error security-requirement-added']);
    expect(ids([{ key: [] }], [{ key: [] }, { oauth: [] }])).toEqual(['info security-alternative-added']);
    expect(ids([{ key: [] }], [])).toEqual(['info security-alternative-added', 'info security-requirement-removed']);
  });
});
