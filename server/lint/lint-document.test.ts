import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InvalidInput } from '../shared/index.js';
import { lintDocument, loadRuleset } from './index.js';
import { readShippedRulesets } from './read-shipped-rulesets.js';

const shipped = readShippedRulesets();
const recommended = loadRuleset(shipped['accord-recommended']!, { source: 'accord-recommended', shipped });
const info = { title: 'Orders', version: '1.0.0', 'x-owner': 'orders', contact: { name: 'Orders' } };

describe('lintDocument', () => {
  it('never follows a reference out of the document: no request is made and no file is read', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('{"type":"object"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const doc = {
        openapi: '3.1.0',
        info,
        security: [],
        paths: {
          '/orders': {
            get: {
              operationId: 'listOrders',
              responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `http://127.0.0.1:${port}/schema.json` } } } }, '400': { $ref: `file://${fileURLToPath(import.meta.url)}` } },
            },
          },
        },
      };
      const findings = await lintDocument(JSON.stringify(doc), recommended);
      expect(requests).toBe(0);
      const refused = findings.filter((f) => f.id === 'invalid-ref');
      expect(refused.map((f) => f.level)).toEqual(['error', 'error']);
      expect(refused[0]).toMatchObject({ operation: 'GET /orders', operations: ['GET /orders'] });
      expect(refused[0]!.why).toMatch(/never followed/);
    } finally {
      server.close();
    }
  });

  it('names AsyncAPI 2 operations from the application point of view', async () => {
    const doc = { asyncapi: '2.6.0', info, channels: { OrdersCreated: { subscribe: { message: { name: 'OrderCreated', payload: { type: 'string' } } } } } };
    const findings = await lintDocument(JSON.stringify(doc), recommended);
    expect(findings.find((f) => f.id === 'channel-naming')).toMatchObject({ pointer: '/channels/OrdersCreated', operations: ['send OrdersCreated'], operation: 'send OrdersCreated' });
  });

  it('reports a document no rule applies to instead of passing it silently', async () => {
    const findings = await lintDocument(JSON.stringify({ title: 'not a contract' }), recommended);
    expect(findings).toEqual([expect.objectContaining({ id: 'unrecognized-format', level: 'warn', operations: [] })]);
  });

  it('refuses text that is not JSON as invalid input', async () => {
    await expect(lintDocument('openapi: 3.1.0', recommended)).rejects.toBeInstanceOf(InvalidInput);
  });

  it('applies the rulesets to OpenAPI 3.2 and AsyncAPI 3.1 as to 3.1 and 3.0', async () => {
    const root = fileURLToPath(new URL('../../specs/examples/', import.meta.url));
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\/\d+\.\d+\.\d+\.ya?ml$/.test(f));
    const upgradable = files.map((file) => parse(readFileSync(root + file, 'utf8')) as Record<string, unknown>).filter((doc) => doc.openapi === '3.1.0' || doc.asyncapi === '3.0.0');
    expect(upgradable.length).toBeGreaterThan(5);
    const summary = (findings: { id: string; level: string; pointer?: string }[]) => findings.map((f) => `${f.level} ${f.id} ${f.pointer}`).sort();
    for (const doc of upgradable) {
      const upgraded = doc.openapi ? { ...doc, openapi: '3.2.0' } : { ...doc, asyncapi: '3.1.0' };
      expect(summary(await lintDocument(JSON.stringify(upgraded), recommended))).toEqual(summary(await lintDocument(JSON.stringify(doc), recommended)));
    }
  });

  it('names QUERY and additionalOperations operations of OpenAPI 3.2', async () => {
    const operation = { summary: 'Find', responses: { '200': { description: 'ok' } } };
    const doc = { openapi: '3.2.0', info, security: [], paths: { '/orders': { query: operation, additionalOperations: { COPY: operation } } } };
    const findings = await lintDocument(JSON.stringify(doc), recommended);
    const missingIds = findings.filter((f) => f.id === 'operation-id-present');
    expect(missingIds.map((f) => [f.pointer, f.operations])).toEqual([
      ['/paths/~1orders/additionalOperations/COPY', ['COPY /orders']],
      ['/paths/~1orders/query', ['QUERY /orders']],
    ]);
  });

  describe("Spectral's whole-document enum rules run on the document as written", () => {
    const status = (paths: string[]) => ({
      openapi: '3.1.0',
      info,
      security: [],
      paths: Object.fromEntries(
        paths.map((path, i) => [path, { get: { operationId: `get${i}`, responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Status' } } } } } } }]),
      ),
      components: { schemas: { Status: { type: 'string', enum: ['open', 'closed', 'open'] }, Code: { type: 'string', enum: ['a', 'b'] } } },
    });
    const enumFindings = (findings: { id: string; pointer?: string }[]) => findings.filter((f) => f.id === 'duplicated-entry-in-enum' || f.id === 'typed-enum').map((f) => [f.id, f.pointer]);

    it('report a schema referenced from many places once, at its own place', async () => {
      const findings = await lintDocument(JSON.stringify(status(['/a', '/b', '/c'])), recommended);
      expect(enumFindings(findings)).toEqual([['duplicated-entry-in-enum', '/components/schemas/Status/enum']]);
    });

    it('see an enum beside a $ref, which OpenAPI 3.1 allows and the resolved document replaces by its target', async () => {
      const doc = status(['/a']) as { components: { schemas: Record<string, unknown> } };
      doc.components.schemas.Narrowed = { $ref: '#/components/schemas/Code', type: 'string', enum: ['a', 1] };
      expect(enumFindings(await lintDocument(JSON.stringify(doc), recommended))).toEqual([
        ['duplicated-entry-in-enum', '/components/schemas/Status/enum'],
        ['typed-enum', '/components/schemas/Narrowed/enum/1'],
      ]);
    });

    it('a ruleset that defines a rule of the same name keeps it on the resolved document', async () => {
      const own = loadRuleset("extends: [[spectral:oas, off]]\nrules:\n  typed-enum:\n    severity: warn\n    given: '$..[?(@ && @.enum)]'\n    then:\n      field: enum\n      function: falsy\n", { source: 'own', shipped });
      const doc = { openapi: '3.1.0', info, paths: {}, components: { schemas: { Code: { type: 'string' }, Narrowed: { $ref: '#/components/schemas/Code', enum: ['a'] } } } };
      expect(enumFindings(await lintDocument(JSON.stringify(doc), own))).toEqual([]);
    });
  });

  it('the example contracts meet accord-recommended: warnings, no errors', async () => {
    const root = fileURLToPath(new URL('../../specs/examples/', import.meta.url));
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\/\d+\.\d+\.\d+\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const findings = await lintDocument(JSON.stringify(parse(readFileSync(root + file, 'utf8'))), recommended);
      expect(findings.filter((f) => f.level === 'error'), file).toEqual([]);
    }
  });
});
