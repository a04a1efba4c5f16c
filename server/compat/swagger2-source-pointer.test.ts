import { describe, expect, it } from 'vitest';
import { resolveJsonPointer } from '../shared/index.js';
import { normalizeSwagger2 } from './normalize-swagger2.js';
import { swagger2SourcePointer } from './swagger2-source-pointer.js';

const doc = {
  swagger: '2.0',
  info: { title: 'Loyalty', version: '1.0.0' },
  host: 'loyalty.example.com',
  basePath: '/api',
  parameters: { Limit: { name: 'limit', in: 'query', type: 'integer', maximum: 100 }, Upload: { name: 'file', in: 'formData', type: 'file' } },
  responses: { NotFound: { description: 'gone', schema: { $ref: '#/definitions/Problem' }, headers: { 'X-Trace': { type: 'string' } } } },
  securityDefinitions: { oauth: { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://a.example.com', tokenUrl: 'https://t.example.com', scopes: { read: 'read' } } },
  paths: {
    '/members/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
      post: {
        parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Member' } }, { name: 'dryRun', in: 'query', type: 'boolean' }, { $ref: '#/parameters/Limit' }],
        responses: { '200': { description: 'ok', schema: { type: 'object', properties: { id: { type: 'string' } } }, examples: { 'application/json': { id: 'm1' } } } },
      },
      put: { consumes: ['multipart/form-data'], parameters: [{ name: 'photo', in: 'formData', type: 'file' }, { name: 'caption', in: 'formData', type: 'string', maxLength: 80 }], responses: { '204': { description: 'ok' } } },
    },
  },
  definitions: { Member: { type: 'object', discriminator: 'kind', properties: { kind: { type: 'string' }, nick: { type: 'string', 'x-nullable': true } } }, Problem: { type: 'object' } },
};

const cases: [converted: string, source: string][] = [
  ['/components/schemas/Member/properties/nick', '/definitions/Member/properties/nick'],
  ['/components/schemas/Member/properties/nick/nullable', '/definitions/Member/properties/nick/x-nullable'],
  ['/components/schemas/Member/discriminator/propertyName', '/definitions/Member/discriminator'],
  ['/components/parameters/Limit/schema/maximum', '/parameters/Limit/maximum'],
  ['/components/responses/NotFound/content/application~1json/schema', '/responses/NotFound/schema'],
  ['/components/responses/NotFound/headers/X-Trace/schema/type', '/responses/NotFound/headers/X-Trace/type'],
  ['/components/securitySchemes/oauth/flows/authorizationCode/scopes/read', '/securityDefinitions/oauth/scopes/read'],
  ['/servers/0/url', '/host'],
  ['/paths/~1members~1{id}/parameters/0/schema/type', '/paths/~1members~1{id}/parameters/0/type'],
  // 3.0 lists no body parameter: its first parameter is the 2.0 operation's second.
  ['/paths/~1members~1{id}/post/parameters/0', '/paths/~1members~1{id}/post/parameters/1'],
  ['/paths/~1members~1{id}/post/parameters/1', '/paths/~1members~1{id}/post/parameters/2'],
  ['/paths/~1members~1{id}/post/requestBody/content/application~1json/schema', '/paths/~1members~1{id}/post/parameters/0/schema'],
  ['/paths/~1members~1{id}/post/requestBody', '/paths/~1members~1{id}/post/parameters/0'],
  ['/paths/~1members~1{id}/post/responses/200/content/application~1json/schema/properties/id', '/paths/~1members~1{id}/post/responses/200/schema/properties/id'],
  ['/paths/~1members~1{id}/post/responses/200/content/application~1json/example', '/paths/~1members~1{id}/post/responses/200/examples/application~1json'],
  ['/paths/~1members~1{id}/put/requestBody/content/multipart~1form-data/schema/properties/caption/maxLength', '/paths/~1members~1{id}/put/parameters/1/maxLength'],
  ['/paths/~1members~1{id}/post/responses/200/description', '/paths/~1members~1{id}/post/responses/200/description'],
  ['/info/title', '/info/title'],
];

describe('swagger2SourcePointer', () => {
  it.each(cases)('%s in the 3.0 form is %s in the 2.0 document', (converted, source) => {
    expect(resolveJsonPointer(normalizeSwagger2(doc), converted), 'the case points at something in the 3.0 form').not.toBeUndefined();
    expect(swagger2SourcePointer(doc, converted)).toBe(source);
    expect(resolveJsonPointer(doc, source)).not.toBeUndefined();
  });

  it('maps a pointer into something the document lacks by its shape', () => {
    expect(swagger2SourcePointer(doc, '/components/schemas/Gone/properties/x')).toBe('/definitions/Gone/properties/x');
  });
});
