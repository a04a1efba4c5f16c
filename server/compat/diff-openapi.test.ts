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

  it('judges a type swapped for an unrelated one once, as changed', () => {
    const ids = (from: object, to: object) => findBreakingChanges(treeApi(node({ name: from })), treeApi(node({ name: to }))).map((f) => `${f.level} ${f.id}`).sort();
    expect(ids({ type: 'number' }, { type: 'string' })).toEqual(['error request-type-changed', 'error response-type-changed']);
    expect(ids({ type: ['integer', 'string'] }, { type: 'number' })).toEqual(['error request-type-changed', 'error response-type-changed']);
    expect(ids({ type: 'number' }, { type: ['number', 'string'] })).toEqual(['error response-type-widened', 'info request-type-widened']);
  });

  it('names the empty type set a contradictory allOf leaves as nothing', () => {
    const contradiction = { allOf: [{ type: 'string' }, { type: 'integer' }] };
    const messages = findBreakingChanges(treeApi(node({ name: { type: 'string' } })), treeApi(node({ name: contradiction }))).map((f) => f.message);
    expect(messages.filter((message) => message.startsWith('response type narrowed from string to nothing at '))).toHaveLength(1);
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
    expect(ids(undefined, [{ key: [] }])).toEqual(['error security-requirement-added']);
    expect(ids([{ key: [] }], [{ key: [] }, { oauth: [] }])).toEqual(['info security-alternative-added']);
    expect(ids([{ key: [] }], [])).toEqual(['info security-requirement-removed']);
    expect(ids([{ key: [] }], [{ oauth: [] }])).toEqual(['error security-alternative-removed', 'info security-alternative-added']);
    expect(ids([{ key: [] }, { oauth: [] }], [{ key: [] }])).toEqual(['error security-alternative-removed']);
    expect(ids([{ key: [] }, { key: [], oauth: [] }], [{ key: [] }])).toEqual(['info security-requirement-removed']);
  });

  it('reports a scheme added to an existing requirement once, naming what it now also needs', () => {
    const api = (security: object[]) => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/x': { get: { security, responses: { 200: { description: 'ok' } } } } } });
    const findings = findBreakingChanges(api([{ key: [] }]), api([{ key: [], oauth: ['write'] }]));
    expect(findings.map((f) => [f.level, f.id, f.message])).toEqual([['error', 'security-requirement-added', 'GET /x now requires oauth alongside key']]);
  });
  it('judges a webhook payload as data clients read and its reply as data they send', () => {
    const api = (payload: object, reply: object) => ({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      webhooks: { orderCreated: { post: { requestBody: { content: { 'application/json': { schema: payload } } }, responses: { 200: { description: 'ok', content: { 'application/json': { schema: reply } } } } } } },
    });
    const object = (properties: object, required: string[] = []) => ({ type: 'object', properties, required });
    const base = api(object({ id: { type: 'string' }, note: { type: 'string' } }), object({ ok: { type: 'boolean' } }));
    const head = api(object({ id: { type: 'string' }, total: { type: 'number' } }, ['total']), object({}));
    const findings = findBreakingChanges(base, head).map((f) => `${f.id} ${f.operation}`).sort();
    expect(findings).toEqual(['request-property-removed webhook orderCreated POST', 'response-optional-property-removed webhook orderCreated POST', 'response-property-added webhook orderCreated POST']);
  });

  it('keys a callback after the operation that registers it', () => {
    const api = (callbacks: object) => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/subscriptions': { post: { callbacks, responses: { 201: { description: 'ok' } } } } } });
    const ping = { '{$request.body#/url}': { post: { responses: { 200: { description: 'ok' } } } } };
    const [removed] = findBreakingChanges(api({ ping }), api({}));
    expect(removed).toMatchObject({ id: 'callback-removed', level: 'error', operation: 'POST /subscriptions callback ping {$request.body#/url} POST' });
  });

  it('judges removing a wholly deprecated path operation by operation against its sunset', () => {
    const api = (paths: object) => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths });
    const legacy = { get: { deprecated: true, 'x-sunset': '2026-01-01', responses: { 200: { description: 'ok' } } } };
    const ids = (now?: Date) => findBreakingChanges(api({ '/legacy': legacy }), api({}), { ...(now && { now }) }).map((f) => `${f.level} ${f.id}`);
    expect(ids(new Date('2026-06-01T00:00:00Z'))).toEqual(['info operation-removed-after-sunset']);
    expect(ids()).toEqual(['error operation-removed-before-sunset']);
  });

  it('judges a parameter sunset moving like an operation sunset: only less notice than promised warns', () => {
    const api = (sunset?: string) => ({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/x': { get: { parameters: [{ name: 'q', in: 'query', deprecated: true, ...(sunset && { 'x-sunset': sunset }), schema: { type: 'string' } }], responses: { 200: { description: 'ok' } } } } },
    });
    const options = { now: new Date('2026-06-01T00:00:00Z'), minDeprecationDays: 90 };
    const ids = (from?: string, to?: string) => findBreakingChanges(api(from), api(to), options).map((f) => `${f.level} ${f.id}`);
    expect(ids('2027-01-01', '2026-12-01')).toEqual(['warn request-parameter-sunset-brought-forward']);
    expect(ids('2027-01-01', '2027-06-01')).toEqual([]);
    expect(ids('2027-01-01', undefined)).toEqual([]);
    expect(ids(undefined, '2030-01-01')).toEqual([]);
    expect(ids(undefined, '2026-07-01')).toEqual(['warn request-parameter-sunset-brought-forward']);
    expect(diffOpenApi(api('2027-01-01'), api('2027-06-01'), options)).toMatchObject([{ kind: 'parameter.sunset-changed', moved: 'later', from: '2027-01-01', to: '2027-06-01' }]);
  });

  it('judges what webhooks and callbacks send against their sunsets, with receivers as the readers', () => {
    const sends = (notice: object, parameters: object[] = []) => ({ post: { ...notice, parameters, responses: { 200: { description: 'ok' } } } });
    const api = (webhooks: object, callbacks: object = {}) => ({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/subscriptions': { post: { callbacks, responses: { 201: { description: 'ok' } } } } },
      webhooks,
    });
    const options = { now: new Date('2026-06-01T00:00:00Z') };
    const ids = (base: object, head: object) => findBreakingChanges(base, head, options).map((f) => `${f.level} ${f.id}`);
    const past = { deprecated: true, 'x-sunset': '2026-01-01' };
    const future = { deprecated: true, 'x-sunset': '2027-01-01' };
    expect(ids(api({ old: sends(past) }), api({}))).toEqual(['info webhook-removed-after-sunset']);
    expect(ids(api({ old: sends(future) }), api({}))).toEqual(['error webhook-removed-before-sunset']);
    expect(ids(api({ old: sends({}) }), api({}))).toEqual(['error webhook-removed']);
    expect(ids(api({}, { ping: { '{$request.body#/url}': sends(past) } }), api({}))).toEqual(['info callback-removed-after-sunset']);
    const header = (notice: object) => ({ name: 'X-Old', in: 'header', ...notice, schema: { type: 'string' } });
    expect(ids(api({ hook: sends({}, [header(past)]) }), api({ hook: sends({}) }))).toEqual(['info response-parameter-removed-after-sunset']);
    expect(ids(api({ hook: sends({}, [header(future)]) }), api({ hook: sends({}) }))).toEqual(['error response-parameter-removed-before-sunset']);
    expect(ids(api({ hook: sends({}, [header({})]) }), api({ hook: sends({}, [header(future)]) }))).toEqual(['info response-parameter-deprecated']);
  });

  it('treats media type parameters and covering ranges as the same media type', () => {
    const api = (content: object) => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/x': { post: { requestBody: { content }, responses: { 200: { description: 'ok' } } } } } });
    const schema = { type: 'string' };
    expect(diffOpenApi(api({ 'application/json': { schema } }), api({ 'application/json; charset=utf-8': { schema } }))).toEqual([]);
    const widened = findBreakingChanges(api({ 'application/json': { schema } }), api({ 'application/*': { schema: { type: 'string', maxLength: 5 } } })).map((f) => f.id).sort();
    expect(widened).toEqual(['request-max-length-decreased', 'request-media-type-added']);
  });

  it('compares an error response that moved into default instead of calling it removed', () => {
    const api = (responses: object) => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/x': { get: { responses } } } });
    const problem = (properties: object) => ({ description: 'problem', content: { 'application/json': { schema: { type: 'object', properties } } } });
    const changes = diffOpenApi(api({ 200: { description: 'ok' }, 404: problem({ title: { type: 'string' } }) }), api({ 200: { description: 'ok' }, default: problem({}) }));
    expect(changes.map((c) => (c.kind === 'response.added' ? `${c.kind} ${c.status}` : c.kind)).sort()).toEqual(['response.added default', 'schema.property.removed']);
  });

  it('judges scopes, the inherited document security and scheme definitions', () => {
    const api = (scopes: string[], tokenUrl: string) => ({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      security: [{ oauth: scopes }],
      paths: { '/a': { get: { responses: { 200: { description: 'ok' } } } }, '/b': { get: { security: [], responses: { 200: { description: 'ok' } } } } },
      components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes: {} } } } } },
    });
    const findings = findBreakingChanges(api(['read'], 'https://a/token'), api(['read', 'write'], 'https://b/token'));
    expect(findings.map((f) => `${f.id} ${f.operations.join(', ')}`).sort()).toEqual(['security-scheme-url-changed GET /a', 'security-scope-added GET /a']);
  });

  it('reports a change to a shared parameter once, naming every operation that uses it', () => {
    const sort = (required: boolean) => ({ name: 'sort', in: 'query', required, schema: { type: 'string' } });
    const api = (required: boolean) => ({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: Object.fromEntries(['/a', '/b', '/c'].map((path) => [path, { get: { parameters: [{ $ref: '#/components/parameters/Sort' }], responses: { 200: { description: 'ok' } } } }])),
      components: { parameters: { Sort: sort(required) } },
    });
    const findings = findBreakingChanges(api(false), api(true));
    expect(findings.map((f) => [f.id, f.operations, f.message])).toEqual([
      ['request-parameter-became-required', ['GET /a', 'GET /b', 'GET /c'], 'query parameter "sort" of GET /a and 2 other operations became required'],
    ]);
  });

  it('reports a change to a shared request body or response once', () => {
    const api = (required: boolean, header: object) => ({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: Object.fromEntries(['/a', '/b'].map((path) => [path, { post: { requestBody: { $ref: '#/components/requestBodies/Note' }, responses: { 200: { $ref: '#/components/responses/Done' } } } }])),
      components: {
        requestBodies: { Note: { required, content: { 'text/plain': { schema: { type: 'string' } } } } },
        responses: { Done: { description: 'ok', headers: { 'X-Id': header } } },
      },
    });
    const findings = findBreakingChanges(api(false, { required: true, schema: { type: 'string' } }), api(true, { schema: { type: 'string' } }));
    expect(findings.map((f) => `${f.id} ${f.operations.join(', ')}`).sort()).toEqual(['request-body-became-required POST /a, POST /b', 'response-header-became-optional POST /a, POST /b']);
  });

  it('compares a parameter schema under every media type both sides offer', () => {
    const api = (json: object, xml: object) => ({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/x': { get: { parameters: [{ name: 'filter', in: 'query', content: { 'application/json': { schema: json }, 'application/xml': { schema: xml } } }], responses: { 200: { description: 'ok' } } } } },
    });
    const findings = findBreakingChanges(api({ type: 'object' }, { type: 'string' }), api({ type: 'object' }, { type: 'string', maxLength: 3 }));
    expect(findings.map((f) => `${f.id} ${f.pointer}`)).toEqual(['request-max-length-decreased /paths/~1x/get/parameters/0/content/application~1xml/schema']);
  });

  describe('nullable unions', () => {
    /** GET /o returns and POST /o takes an object whose `status` property is `status`. */
    const api = (status: object, schemas: object = {}) => ({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/o': {
          get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } } } },
          post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } }, responses: { 204: { description: 'done' } } },
        },
      },
      components: { schemas: { Order: { type: 'object', properties: { status } }, Status: { type: 'string', enum: ['open', 'shipped'] }, Address: { type: 'object', properties: { city: { type: 'string' } } }, ...schemas } },
    });
    const judged = (base: object, head: object) => findBreakingChanges(base, head).map((f) => [f.id, f.message, f.pointer, f.operations]);
    const status = '/components/schemas/Order/properties/status';

    it('finds an enum value removed inside oneOf [null, $ref], and only that', () => {
      const head = api({ oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/Status' }] }, { Status: { type: 'string', enum: ['open'] } });
      expect(judged(api({ $ref: '#/components/schemas/Status' }), head)).toEqual([
        ['response-type-widened', `response type widened from string to null | string at ${status}`, status, ['GET /o']],
        ['response-enum-value-removed', 'response enum values "shipped" were removed at /components/schemas/Status', '/components/schemas/Status', ['GET /o']],
        ['request-type-widened', `request type widened from string to null | string at ${status}`, status, ['POST /o']],
        ['request-enum-value-removed', 'request enum values "shipped" were removed at /components/schemas/Status', '/components/schemas/Status', ['POST /o']],
      ]);
    });

    it('reads a property wrapped into a union with null as the same object, now nullable', () => {
      const before = api({ $ref: '#/components/schemas/Address' });
      for (const keyword of ['oneOf', 'anyOf']) {
        const after = api({ [keyword]: [{ $ref: '#/components/schemas/Address' }, { type: 'null' }] });
        expect(judged(before, after)).toEqual([
          ['response-type-widened', `response type widened from object to null | object at ${status}`, status, ['GET /o']],
          ['request-type-widened', `request type widened from object to null | object at ${status}`, status, ['POST /o']],
        ]);
        // Unwrapped, the type is declared by the referenced schema alone.
        const address = '/components/schemas/Address';
        expect(judged(after, before)).toEqual([
          ['response-type-narrowed', `response type narrowed from null | object to object at ${address}`, address, ['GET /o']],
          ['request-type-narrowed', `request type narrowed from null | object to object at ${address}`, address, ['POST /o']],
        ]);
      }
    });

    it('finds no change between the spellings of a nullable enum', () => {
      const spellings = [
        { type: ['string', 'null'], enum: ['open', 'shipped', null] },
        { oneOf: [{ type: 'string', enum: ['open', 'shipped'] }, { type: 'null' }] },
        { anyOf: [{ type: 'null' }, { $ref: '#/components/schemas/Status' }] },
        { oneOf: [{ $ref: '#/components/schemas/Status' }, { enum: [null] }] },
      ];
      for (const a of spellings) for (const b of spellings) expect(judged(api(a), api(b))).toEqual([]);
      const as30 = { ...api({ type: 'string', nullable: true, enum: ['open', 'shipped'] }), openapi: '3.0.3' };
      for (const b of spellings) expect(judged(as30, api(b))).toEqual([]);
    });

    it('judges dropping a real member from a union that keeps null as narrowing it', () => {
      const both = api({ oneOf: [{ $ref: '#/components/schemas/Status' }, { $ref: '#/components/schemas/Address' }, { type: 'null' }] });
      const findings = findBreakingChanges(both, api({ oneOf: [{ $ref: '#/components/schemas/Status' }, { type: 'null' }] }));
      expect(findings.filter((f) => f.level === 'error').every((f) => f.id.startsWith('request-'))).toBe(true);
      expect(findings.map((f) => f.message)).toContain(`request oneOf member Address was removed at ${status}/oneOf/1`);
    });
  });

  describe('sunsets', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const api = (lifecycle: object) => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/o': { get: { ...lifecycle, responses: { 200: { description: 'ok' } } } } } });
    const judged = (base: object, head: object, minDeprecationDays?: number) => findBreakingChanges(base, head, { now, ...(minDeprecationDays !== undefined && { minDeprecationDays }) }).map((f) => `${f.id}: ${f.message}`);

    it('does not call a first sunset far ahead brought forward', () => {
      expect(judged(api({ deprecated: true }), api({ deprecated: true, 'x-sunset': '2030-01-01' }), 90)).toEqual([]);
      expect(judged(api({}), api({ 'x-sunset': '2030-01-01' }))).toEqual([]);
    });

    it('calls a first sunset closer than the required notice brought forward', () => {
      expect(judged(api({ deprecated: true }), api({ deprecated: true, 'x-sunset': '2026-07-01' }), 90)).toEqual(['operation-sunset-brought-forward: GET /o got a sunset on 2026-07-01, 30 days ahead where 90 are required']);
    });
  });

  describe('OpenAPI 3.2', () => {
    const search = (extra: object = {}) => ({
      operationId: 'searchOrders',
      parameters: [{ name: 'filter', in: 'querystring', content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { status: { type: 'string' } } } } } }],
      responses: { 200: { description: 'matches', content: { 'application/jsonl': { itemSchema: { type: 'object', properties: { id: { type: 'string' } } } } } } },
      ...extra,
    });
    const api = (item: object, schemes: object = {}) => ({ openapi: '3.2.0', info: { title: 't', version: '1' }, paths: { '/orders': item }, components: { securitySchemes: schemes } });
    const judged = (base: object, head: object) => findBreakingChanges(base, head).map((f) => [f.id, f.message, f.pointer, f.operations]);

    // Operation findings carry no pointer, as for the other methods.
    it('reports QUERY and additionalOperations added and removed like other methods', () => {
      const before = api({ query: search(), additionalOperations: { COPY: { responses: { 204: { description: 'copied' } } } } });
      const after = api({ additionalOperations: { MOVE: { responses: { 204: { description: 'moved' } } } } });
      expect(judged(before, after)).toEqual([
        ['operation-removed', 'operation QUERY /orders was removed', undefined, ['QUERY /orders']],
        ['operation-removed', 'operation COPY /orders was removed', undefined, ['COPY /orders']],
        ['operation-added', 'operation MOVE /orders was added', undefined, ['MOVE /orders']],
      ]);
    });

    it('compares the querystring parameter by its content, whatever its name', () => {
      const narrowed = search({ parameters: [{ name: 'q', in: 'querystring', content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { status: { type: 'string', maxLength: 8 } } } } } }] });
      const at = '/paths/~1orders/query/parameters/0/content/application~1x-www-form-urlencoded/schema/properties/status';
      expect(judged(api({ query: search() }), api({ query: narrowed }))).toEqual([['request-max-length-decreased', `request maxLength decreased from none to 8 at ${at}`, at, ['QUERY /orders']]]);
    });

    it('compares the itemSchema of sequential media types like a schema', () => {
      const fewer = search({ responses: { 200: { description: 'matches', content: { 'application/jsonl': { itemSchema: { type: 'object' } } } } } });
      const at = '/paths/~1orders/query/responses/200/content/application~1jsonl/itemSchema/properties/id';
      expect(judged(api({ query: search() }), api({ query: fewer }))).toEqual([['response-optional-property-removed', `optional response property "id" was removed at ${at}`, at, ['QUERY /orders']]]);
    });

    it('reports a moved device authorization endpoint', () => {
      const device = (url: string) => ({ oauth: { type: 'oauth2', flows: { deviceAuthorization: { deviceAuthorizationUrl: url, tokenUrl: 'https://id.example.com/token', scopes: {} } } } });
      const item = { get: { security: [{ oauth: [] }], responses: { 200: { description: 'ok' } } } };
      const findings = judged(api(item, device('https://id.example.com/device')), api(item, device('https://id.example.com/v2/device')));
      expect(findings.map(([id, , pointer, operations]) => [id, pointer, operations])).toEqual([['security-scheme-url-changed', '/components/securitySchemes/oauth', ['GET /orders']]]);
    });

    it('finds nothing new in a 3.1 document upgraded to 3.2 with only 3.2 annotations added', () => {
      const v31 = { ...api({ get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, examples: { one: { value: { id: 1 } } } } } } } } }), openapi: '3.1.1' };
      const v32 = { ...api({ get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, examples: { one: { dataValue: { id: 1 }, serializedValue: '{"id":1}' } } } } } } } }), $self: 'https://example.com/orders', tags: [{ name: 'orders', kind: 'nav' }] };
      expect(judged(v31, v32)).toEqual([]);
      expect(judged(v32, v31)).toEqual([]);
    });

    it('reports $self and a tag moved or re-kinded between 3.2 documents as information, naming the tagged operations', () => {
      const tagged = (self: string, tags: object[]) => ({ ...api({ get: { tags: ['orders'], responses: { 200: { description: 'ok' } } } }), $self: self, tags });
      const before = tagged('https://example.com/orders', [{ name: 'orders', parent: 'shop' }, { name: 'shop' }]);
      const after = tagged('https://example.com/v2/orders', [{ name: 'orders', parent: 'sales', kind: 'nav' }, { name: 'sales' }]);
      expect(findBreakingChanges(before, after).map((f) => [f.level, f.id, f.message, f.pointer, f.operations])).toEqual([
        ['info', 'document-self-changed', "the document's $self changed from https://example.com/orders to https://example.com/v2/orders", '/$self', []],
        ['info', 'tag-parent-changed', 'tag "orders" moved from under "shop" to under "sales"', '/tags/0/parent', ['GET /orders']],
        ['info', 'tag-kind-changed', 'tag "orders" changed kind from none to "nav"', '/tags/0/kind', ['GET /orders']],
      ]);
    });

    it('finds nothing in a 3.1 document given $self and a tag tree on its upgrade to 3.2', () => {
      const v31 = { ...api({ get: { tags: ['orders'], responses: { 200: { description: 'ok' } } } }), openapi: '3.1.1', tags: [{ name: 'orders' }, { name: 'shop' }] };
      const v32 = { ...v31, openapi: '3.2.0', $self: 'https://example.com/orders', tags: [{ name: 'orders', parent: 'shop', kind: 'nav' }, { name: 'shop', kind: 'nav' }] };
      expect(judged(v31, v32)).toEqual([]);
      expect(judged(v32, v31)).toEqual([]);
    });
  });
});
