import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { packageRoot } from '../shared/index.js';
import { parseSpec, readComparableSpec, type SpecDocument, type SpecResult } from './index.js';

const examples = join(packageRoot(), 'specs', 'examples');
const corpus = join(packageRoot(), '..', 'shared', 'corpus');

function accepted(result: SpecResult): SpecDocument {
  if (!result.ok) throw new Error(`rejected: ${result.code}: ${result.message}`);
  return result;
}

const openapi = (extra: object = {}) => ({
  openapi: '3.0.3',
  info: { title: 'Orders', version: '1.0.0' },
  paths: { '/orders/{orderId}': { get: { operationId: 'getOrder', parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } } },
  ...extra,
});

describe('parseSpec', () => {
  it('indexes OpenAPI operations as METHOD and path, as written', async () => {
    const doc = accepted(await parseSpec(JSON.stringify(openapi())));
    expect(doc).toMatchObject({ kind: 'openapi', specVersion: '3.0.3', format: 'json', title: 'Orders', infoVersion: '1.0.0' });
    expect(doc.operations).toEqual([{ key: 'GET /orders/{orderId}', kind: 'http', method: 'GET', path: '/orders/{orderId}', operationId: 'getOrder' }]);
  });

  it('gives YAML and JSON of the same content the same hash, and other content another', async () => {
    const json = accepted(await parseSpec(JSON.stringify(openapi())));
    const yaml = accepted(await parseSpec(stringify(openapi())));
    const other = accepted(await parseSpec(JSON.stringify(openapi({ info: { title: 'Orders', version: '1.0.1' } }))));
    expect(yaml.format).toBe('yaml');
    expect(yaml.contentHash).toBe(json.contentHash);
    expect(other.contentHash).not.toBe(json.contentHash);
  });

  it('accepts circular internal references and keeps them as references', async () => {
    const doc = accepted(
      await parseSpec(
        JSON.stringify(
          openapi({ components: { schemas: { Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } } } }),
        ),
      ),
    );
    expect(doc.documentJson).toContain('"$ref":"#/components/schemas/Node"');
  });

  it('names the pointer of an external reference and never follows it', async () => {
    const result = await parseSpec(JSON.stringify(openapi({ components: { schemas: { Meta: { $ref: 'http://169.254.169.254/latest/meta-data/' } } } })));
    expect(result).toMatchObject({ ok: false, code: 'external-ref', issues: [{ pointer: '/components/schemas/Meta/$ref' }] });
  });

  it('refuses an internal reference that points at nothing, naming where it is used', async () => {
    const result = await parseSpec(JSON.stringify(openapi({ components: { schemas: { Order: { $ref: '#/components/schemas/Missing' } } } })));
    expect(result).toMatchObject({ ok: false, code: 'spec-invalid', issues: [{ pointer: '/components/schemas/Order/$ref' }] });
  });

  it('words schema errors in the terms of the document, not of JSON Schema', async () => {
    const refused = async (doc: object) => {
      const result = await parseSpec(JSON.stringify(doc));
      if (result.ok) throw new Error('accepted');
      return result.message;
    };
    expect(await refused(openapi({ info: { title: 'Orders', version: 1 } }))).toBe('the document is not a valid OpenAPI description: must be a string (at /info/version)');
    expect(await refused(openapi({ paths: { '/orders': { get: { responses: {} } } } }))).toBe('the document is not a valid OpenAPI description: must not be empty (at /paths/~1orders/get/responses)');
  });

  it('still applies Swagger 2.0 semantic rules, such as declared path parameters', async () => {
    const result = await parseSpec(
      JSON.stringify({ swagger: '2.0', info: { title: 'Legacy', version: '1' }, paths: { '/members/{id}': { get: { responses: { '200': { description: 'ok' } } } } } }),
    );
    expect(result).toMatchObject({ ok: false, code: 'spec-invalid' });
  });

  it('names the byte offset, line and column of the first byte that is not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('openapi: 3.0.3\ninfo:\n  title: Caf'), Buffer.from([0xe9]), Buffer.from('\n  version: "1"\npaths: {}\n')]);
    const result = await parseSpec(bytes);
    expect(result).toMatchObject({ ok: false, code: 'invalid-encoding', issues: [{ line: 3, column: 13 }] });
    expect(result.ok || result.message).toContain('byte offset 33');
  });

  it('reports a duplicate key in YAML with its pointer', async () => {
    const result = await parseSpec('openapi: 3.0.3\ninfo:\n  title: a\n  title: b\n  version: "1"\npaths: {}\n');
    expect(result).toMatchObject({ ok: false, code: 'duplicate-key', issues: [{ pointer: '/info/title' }] });
  });

  it('reports a duplicate key in JSON that JSON.parse would silently drop', async () => {
    const result = await parseSpec('{"openapi":"3.0.3","info":{"title":"a","version":"1"},"paths":{},"paths":{}}');
    expect(result).toMatchObject({ ok: false, code: 'duplicate-key', issues: [{ pointer: '/paths' }] });
  });

  it('names a control character in JSON, whether JSON.parse refuses it (U+0001) or would accept it inside a string (DEL)', async () => {
    for (const [char, code] of [['\u0001', 'U+0001'], ['\u007f', 'U+007F']]) {
      const result = await parseSpec(`{"openapi":"3.0.3","info":{"title":"a${char}","version":"1"},"paths":{}}`);
      expect(result).toMatchObject({ ok: false, code: 'document-syntax', issues: [{ message: `control character ${code}`, line: 1, column: 38 }] });
    }
  });

  it('reports a duplicate JSON key spelt with escapes, and none where escaped quotes and brackets sit inside strings', async () => {
    const spelt = await parseSpec('{"openapi":"3.0.3","info":{"title":"a","version":"1","\\u0074itle":"b"},"paths":{}}');
    expect(spelt).toMatchObject({ ok: false, code: 'duplicate-key', issues: [{ pointer: '/info/title' }] });
    const quoted = await parseSpec('{"openapi":"3.0.3","info":{"title":"a \\"{[\\" b","version":"1","description":"\\\\"},"paths":{}}');
    expect(quoted).toMatchObject({ ok: true });
  });

  it('explains schema violations with a pointer into the document', async () => {
    const result = await parseSpec(JSON.stringify({ openapi: '3.0.3', info: { title: 'x' }, paths: {} }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('spec-invalid');
    expect(result.message).toMatch(/version/);
  });

  it('indexes AsyncAPI 2 publish as receive and subscribe as send, from the application side', async () => {
    const doc = accepted(
      await parseSpec(
        stringify({
          asyncapi: '2.6.0',
          info: { title: 'Stock', version: '1.0.0' },
          channels: {
            'stock.adjusted': { subscribe: { operationId: 'onAdjusted', message: { name: 'StockAdjusted', payload: { type: 'object' } } } },
            'stock.count-requested': { publish: { message: { name: 'CountRequested', payload: { type: 'object' } } } },
          },
        }),
      ),
    );
    expect(doc.operations.map((o) => o.key).sort()).toEqual(['receive stock.count-requested', 'send stock.adjusted']);
  });

  it('indexes AsyncAPI 3 operations by action and channel address', async () => {
    const doc = accepted(
      await parseSpec(
        stringify({
          asyncapi: '3.0.0',
          info: { title: 'Stock', version: '1.0.0' },
          channels: { adjusted: { address: 'stock.adjusted', messages: { StockAdjusted: { name: 'StockAdjusted', payload: { type: 'object' } } } } },
          operations: { publishAdjusted: { action: 'send', channel: { $ref: '#/channels/adjusted' }, messages: [{ $ref: '#/channels/adjusted/messages/StockAdjusted' }] } },
        }),
      ),
    );
    expect(doc.operations).toEqual([{ key: 'send stock.adjusted', kind: 'message', action: 'send', channel: 'stock.adjusted', operationId: 'publishAdjusted', messages: ['StockAdjusted'] }]);
  });

  it('accepts OpenAPI 3.2 and indexes QUERY and additionalOperations as operations', async () => {
    const doc = accepted(
      await parseSpec(
        stringify({
          openapi: '3.2.0',
          $self: 'https://example.com/orders.yaml',
          info: { title: 'Orders', version: '1.0.0' },
          tags: [{ name: 'orders', kind: 'nav' }, { name: 'search', parent: 'orders' }],
          paths: {
            '/orders': {
              query: {
                operationId: 'searchOrders',
                parameters: [{ name: 'filter', in: 'querystring', content: { 'application/x-www-form-urlencoded': { schema: { type: 'object' } } } }],
                responses: { '200': { description: 'matches', content: { 'application/jsonl': { itemSchema: { type: 'object' } } } } },
              },
              additionalOperations: { COPY: { operationId: 'copyOrders', responses: { '204': { description: 'copied' } } } },
            },
          },
          components: {
            securitySchemes: { device: { type: 'oauth2', flows: { deviceAuthorization: { deviceAuthorizationUrl: 'https://example.com/device', tokenUrl: 'https://example.com/token', scopes: {} } } } },
            examples: { order: { dataValue: { id: 1 }, serializedValue: '{"id":1}' } },
          },
        }),
      ),
    );
    expect(doc.specVersion).toBe('3.2.0');
    expect(doc.operations).toEqual([
      { key: 'QUERY /orders', kind: 'http', method: 'QUERY', path: '/orders', operationId: 'searchOrders' },
      { key: 'COPY /orders', kind: 'http', method: 'COPY', path: '/orders', operationId: 'copyOrders' },
    ]);
  });

  it('validates OpenAPI 3.2 documents against the 3.2 schema', async () => {
    const result = await parseSpec(stringify({ openapi: '3.2.0', info: { title: 'Orders', version: '1' }, paths: { '/orders': { additionalOperations: { COPY: { responses: 7 } } } } }));
    expect(result).toMatchObject({ ok: false, code: 'spec-invalid' });
    expect(result.ok || result.message).toMatch(/additionalOperations/);
  });

  it('accepts AsyncAPI 3.1 and indexes it as 3.0', async () => {
    const doc = accepted(
      await parseSpec(
        stringify({
          asyncapi: '3.1.0',
          info: { title: 'Stock', version: '1.0.0' },
          channels: { adjusted: { address: 'stock.adjusted', messages: { StockAdjusted: { name: 'StockAdjusted', payload: { type: 'object' }, examples: [{ payload: 7 }] } } } },
          operations: { publishAdjusted: { action: 'send', channel: { $ref: '#/channels/adjusted' } } },
        }),
      ),
    );
    expect(doc).toMatchObject({ kind: 'asyncapi', specVersion: '3.1.0' });
    expect(doc.operations.map((o) => o.key)).toEqual(['send stock.adjusted']);
  });

  it('names the versions it reads when refusing one it does not', async () => {
    const result = await parseSpec(JSON.stringify({ ...openapi(), openapi: '3.3.0' }));
    expect(result).toMatchObject({ ok: false, code: 'unsupported-spec-version', message: 'openapi: "3.3.0" is not supported; Accord reads OpenAPI 3.0.x, 3.1.x and 3.2.x (and Swagger 2.0)' });
  });

  it('survives an AsyncAPI message whose oneOf refers back to itself', async () => {
    const result = await parseSpec(
      stringify({
        asyncapi: '2.6.0',
        info: { title: 'Loop', version: '1.0.0' },
        channels: { c: { subscribe: { message: { $ref: '#/components/messages/M' } } } },
        components: { messages: { M: { oneOf: [{ $ref: '#/components/messages/M' }] } } },
      }),
    );
    expect(accepted(result).operations).toEqual([{ key: 'send c', kind: 'message', action: 'send', channel: 'c', messages: [] }]);
  });

  it('refuses JSON nested beyond the depth limit before parsing it', async () => {
    const result = await parseSpec('['.repeat(200_000) + ']'.repeat(200_000));
    expect(result).toMatchObject({ ok: false, code: 'document-too-deep' });
  });

  it('accepts every example contract shipped in specs/', async () => {
    const files = readdirSync(examples, { recursive: true, encoding: 'utf8' }).filter((f) => /\d+\.\d+\.\d+\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const file of files) {
      const doc = accepted(await parseSpec(readFileSync(join(examples, file))));
      expect(doc.operations.length, file).toBeGreaterThan(0);
      expect(doc.infoVersion, file).toBe(file.split('/').pop()!.replace(/\.ya?ml$/, ''));
    }
  });

  it("accepts Accord's own API description", async () => {
    const doc = accepted(await parseSpec(readFileSync(join(packageRoot(), 'specs', 'accord-api.yaml'))));
    expect(doc.specVersion).toBe('3.1.0');
  });

  describe.skipIf(!existsSync(corpus))('real-world documents', () => {
    for (const file of ['stripe/spec3-2022-04-01.json', 'stripe/spec3-2022-04-12.json', 'twilio/api_v2010-2026-02-05.json', 'twilio/api_v2010-2026-04-14.json', 'twilio/messaging_v1-2026-04-14.json']) {
      it(`ingests ${file}`, async () => {
        const doc = accepted(await parseSpec(readFileSync(join(corpus, file))));
        expect(doc.operations.length).toBeGreaterThan(50);
      });
    }
  });
});

describe('parseSpec validity levels', () => {
  // Swagger-style `produces` inside an OpenAPI 3 operation, and a response without its description.
  const misplaced = JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    paths: { '/a': { get: { produces: ['application/json'], responses: { '200': {} } } } },
  });

  it('full refuses a schema error; syntax accepts the document and lists every error with its pointer', async () => {
    expect(await parseSpec(misplaced)).toMatchObject({ ok: false, code: 'spec-invalid' });
    const accepted = await parseSpec(misplaced, { validity: 'syntax' });
    expect(accepted.ok).toBe(true);
    if (!accepted.ok) return;
    expect(accepted.schemaErrors.map((e) => e.pointer).sort()).toEqual(['/paths/~1a/get/produces', '/paths/~1a/get/responses/200']);
    expect(accepted.operations.map((o) => o.key)).toEqual(['GET /a']);
  });

  it('none does not look at the schema', async () => {
    expect(await parseSpec(misplaced, { validity: 'none' })).toMatchObject({ ok: true, schemaErrors: [] });
  });

  it('no level accepts what cannot be read safely: a dangling reference, an unsupported version, a duplicate key', async () => {
    const dangling = JSON.stringify({ openapi: '3.0.3', info: { title: 'T', version: '1' }, paths: { '/a': { $ref: '#/nowhere' } } });
    for (const validity of ['syntax', 'none'] as const) {
      expect(await parseSpec(dangling, { validity })).toMatchObject({ ok: false, code: 'spec-invalid' });
      expect(await parseSpec('openapi: 9.9.9\ninfo: {title: T, version: "1"}\n', { validity })).toMatchObject({ ok: false, code: 'unsupported-spec-version' });
      expect(await parseSpec('{"openapi": "3.0.3", "openapi": "3.0.3"}', { validity })).toMatchObject({ ok: false, code: 'duplicate-key' });
    }
  });

  it('a document read only for comparison under syntax has the same schema errors and its parsed tree', async () => {
    const compared = await readComparableSpec(misplaced, { validity: 'syntax' });
    expect(compared).toMatchObject({ ok: true, kind: 'openapi', document: JSON.parse(misplaced) });
    if (compared.ok) expect(compared.schemaErrors).toHaveLength(2);
  });
});
