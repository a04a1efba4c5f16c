import { describe, expect, it } from 'vitest';
import { diffOpenApi } from './diff-openapi.js';
import { findBreakingChanges } from './find-breaking-changes.js';

type Servers = object[] | undefined;

/** Two operations under one path; servers at the document, path item or operation level. */
function api({ doc, pathItem, operation }: { doc?: Servers; pathItem?: Servers; operation?: Servers }) {
  const ok = { responses: { 200: { description: 'ok' } } };
  return {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    ...(doc && { servers: doc }),
    paths: { '/orders': { ...(pathItem && { servers: pathItem }), get: { ...(operation && { servers: operation }), ...ok }, post: ok } },
  };
}

const judged = (base: object, head: object) => findBreakingChanges(base, head).map((f) => `${f.level} ${f.id} ${f.operations.join(', ')}`);

describe('diffServerUrls', () => {
  it('reports a changed path prefix once for every operation the server serves', () => {
    const findings = findBreakingChanges(api({ doc: [{ url: 'https://api.example.com/v1' }] }), api({ doc: [{ url: 'https://api.example.com/v2/' }] }));
    expect(findings.map((f) => [f.level, f.id, f.operations, f.message])).toEqual([
      ['error', 'server-url-path-changed', ['GET /orders', 'POST /orders'], 'the path prefix of server https://api.example.com/v2/ changed from /v1 to /v2'],
    ]);
  });

  it('finds nothing in a trailing slash, the case of the host or a default port', () => {
    expect(diffOpenApi(api({ doc: [{ url: 'https://api.example.com/v1' }] }), api({ doc: [{ url: 'https://API.example.com:443/v1/' }] }))).toEqual([]);
  });

  it('compares relative servers by their path, whatever host the other side names', () => {
    expect(diffOpenApi(api({ doc: [{ url: '/v1' }] }), api({ doc: [{ url: 'https://api.example.com/v1' }] }))).toEqual([]);
    expect(judged(api({ doc: [{ url: '/v1' }] }), api({ doc: [{ url: 'v2' }] }))).toEqual(['error server-url-path-changed GET /orders, POST /orders']);
  });

  it('reads variables at their defaults to tell a moved server from a renamed template', () => {
    const regional = (path: string, region = 'eu') => [{ url: `https://{region}.api.example.com${path}`, variables: { region: { default: region, enum: ['eu', 'us'] } } }];
    expect(diffOpenApi(api({ doc: regional('/v1') }), api({ doc: [{ url: 'https://eu.api.example.com/v1' }] }))).toEqual([]);
    expect(judged(api({ doc: regional('/v1') }), api({ doc: regional('/v2') }))).toEqual(['error server-url-path-changed GET /orders, POST /orders']);
    expect(judged(api({ doc: regional('/v1') }), api({ doc: regional('/v1', 'us') }))).toEqual(['warn server-variable-default-changed GET /orders, POST /orders']);
  });

  it('tells a removed alternative from the removal of every server an operation had', () => {
    const [a, b, c] = [{ url: 'https://a.example.com' }, { url: 'https://b.example.com' }, { url: 'https://c.example.com' }];
    expect(judged(api({ doc: [a, b] }), api({ doc: [a] }))).toEqual(['warn server-url-alternative-removed GET /orders, POST /orders']);
    expect(judged(api({ doc: [a] }), api({ doc: [c] })).sort()).toEqual(['error server-url-removed GET /orders, POST /orders', 'info server-url-added GET /orders, POST /orders']);
    expect(judged(api({ doc: [a] }), api({ doc: [a, c] }))).toEqual(['info server-url-added GET /orders, POST /orders']);
  });

  it('judges only the operations whose effective servers changed', () => {
    const [a, b] = [[{ url: 'https://api.example.com/v1' }], [{ url: 'https://api.example.com/v2' }]];
    expect(judged(api({ doc: a, operation: a }), api({ doc: a, operation: b }))).toEqual(['error server-url-path-changed GET /orders']);
    expect(judged(api({ doc: a, pathItem: a }), api({ doc: b, pathItem: a }))).toEqual([]);
  });

  it('says nothing when a side states no servers', () => {
    expect(diffOpenApi(api({}), api({ doc: [{ url: 'https://api.example.com/v1' }] }))).toEqual([]);
  });

  it('sees a Swagger 2.0 API dropping plain http and moving its base path', () => {
    const swagger = (schemes: string[], basePath: string) => ({ swagger: '2.0', info: { title: 't', version: '1' }, host: 'api.example.com', basePath, schemes, paths: { '/orders': { get: { responses: { 200: { description: 'ok' } } } } } });
    expect(judged(swagger(['http', 'https'], '/v1'), swagger(['https'], '/v1'))).toEqual(['warn server-url-alternative-removed GET /orders']);
    expect(judged(swagger(['http'], '/v1'), swagger(['https'], '/v1'))).toEqual(['warn server-url-scheme-changed GET /orders']);
    expect(judged(swagger(['https'], '/v1'), swagger(['https'], '/v2'))).toEqual(['error server-url-path-changed GET /orders']);
  });
});
