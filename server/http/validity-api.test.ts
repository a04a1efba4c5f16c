import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { ACCORD_VALIDITY: 'syntax' } });
  await server.json('POST', '/api/v1/teams', { slug: 'retail', name: 'Retail' });
  await server.json('POST', '/api/v1/systems', { slug: 'pos', name: 'POS', team: 'retail', domain: 'retail' });
});
afterAll(() => server?.close());

interface Finding {
  id: string;
  level: string;
  pointer?: string;
  source?: string;
}

// A response without its required description: the schema error real repositories are fullest of.
const withoutDescription = (version: string) =>
  stringify({
    openapi: '3.0.3',
    info: { title: 'Tills', version },
    paths: { '/tills': { get: { responses: { '200': { content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } } } } } },
  });

const create = (slug: string, body: object = {}) => server.json<{ validity: string }>('POST', '/api/v1/contracts', { slug, name: slug, system: 'pos', ...body });
const publish = (slug: string, version: string, document: string) => server.json<{ findings: Finding[]; code?: string }>('POST', `/api/v1/contracts/${slug}/versions`, { version, document });

describe('validity levels', () => {
  it('a contract created without a level gets the installation default, ACCORD_VALIDITY', async () => {
    const created = await create('tills-default');
    expect(created.status).toBe(201);
    expect(created.body.validity).toBe('syntax');
  });

  it('under full a document with a schema error is refused; set to syntax, the same document is published with the error as a warning at its pointer', async () => {
    expect((await create('tills', { validity: 'full' })).body.validity).toBe('full');
    const refused = await publish('tills', '1.0.0', withoutDescription('1.0.0'));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('spec-invalid');

    const patched = await server.json<{ validity: string }>('PATCH', '/api/v1/contracts/tills', { validity: 'syntax' });
    expect(patched.body.validity).toBe('syntax');
    const published = await publish('tills', '1.0.0', withoutDescription('1.0.0'));
    expect(published.status).toBe(201);
    const stored = await server.json<{ findings: Finding[] }>('GET', '/api/v1/contracts/tills/versions/1.0.0');
    expect(stored.body.findings).toContainEqual(expect.objectContaining({ id: 'document-schema-error', level: 'warn', pointer: '/paths/~1tills/get/responses/200' }));
  });

  it('a check may run at another level than the contract’s, and publishes nothing', async () => {
    await create('tills-strict', { validity: 'full' });
    const lenient = await server.json<{ findings: Finding[]; verdict: string }>('POST', '/api/v1/contracts/tills-strict/checks', { document: withoutDescription('1.0.0'), validity: 'syntax' });
    expect(lenient.status).toBe(201);
    expect(lenient.body.findings.map((f) => f.id)).toContain('document-schema-error');
    const strict = await server.json('POST', '/api/v1/contracts/tills-strict/checks', { document: withoutDescription('1.0.0') });
    expect(strict.status).toBe(422);
  });

  it('an unknown level is refused with a pointer to the field', async () => {
    const refused = await server.json<{ code: string; errors: { pointer: string }[] }>('POST', '/api/v1/contracts', { slug: 'tills-odd', name: 'odd', system: 'pos', validity: 'lenient' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]!.pointer).toBe('/validity');
  });

  it('GraphQL reads and sets the level', async () => {
    const { body } = await server.json<{ data: { updateContract: { validity: string } } }>('POST', '/graphql', { query: 'mutation { updateContract(slug: "tills-default", patch: { validity: none }) { validity } }' });
    expect(body.data.updateContract.validity).toBe('none');
  });
});
