import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRawHttpConnection, parseRawResponse } from '../test-support/raw-http-connection.js';
import { TEST_ADMIN_TOKEN } from '../test-support/test-credentials.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { ACCORD_SIGN_UP: 'true' } });
  await server.json('POST', '/api/v1/teams', { slug: 'platform', name: 'Platform' });
  await server.json('POST', '/api/v1/systems', { slug: 'orders', name: 'Orders', team: 'platform', domain: 'retail' });
  await server.json('POST', '/api/v1/contracts', { slug: 'orders-api', name: 'Orders API', system: 'orders' });
});
afterAll(() => server?.close());

/** JSON text with one byte that is not UTF-8 (0xFF) where `\uFFFD` stands in `json`. */
const withStrayByte = (json: string) => {
  const [before, after] = json.split('\uFFFD') as [string, string];
  return { body: Buffer.concat([Buffer.from(before), Buffer.from([0xff]), Buffer.from(after)]), offset: Buffer.byteLength(before) };
};

const document = 'openapi: 3.0.3\ninfo:\n  title: Orders\n  version: 1.0.0\npaths: {}\n';

async function post(path: string, body: Buffer | string, contentType: string, headers: Record<string, string> = {}) {
  const res = await server.fetch(path, { method: 'POST', headers: { 'content-type': contentType, origin: server.url, ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  return { status: res.status, body: (await res.json()) as { code?: string; byteOffset?: number; detail?: string } };
}

describe('request bodies are decoded strictly', () => {
  it('refuses a JSON document upload with a byte that is not UTF-8, naming its offset, instead of storing U+FFFD', async () => {
    const { body, offset } = withStrayByte(JSON.stringify({ version: '1.0.0', document: document.replace('Orders', 'T\uFFFD') }));
    const res = await post('/api/v1/contracts/orders-api/versions', body, 'application/json');
    expect(res).toMatchObject({ status: 422, body: { code: 'invalid-encoding', byteOffset: offset } });
    expect(res.body.detail).toContain(`byte offset ${offset}`);
    expect((await server.json('GET', '/api/v1/contracts/orders-api/versions/1.0.0')).status).toBe(404);
  });

  it('refuses the same bytes in a small JSON body, on any route', async () => {
    const { body, offset } = withStrayByte('{"slug":"caf","name":"Caf\uFFFD"}');
    expect(await post('/api/v1/teams', body, 'application/json')).toMatchObject({ status: 422, body: { code: 'invalid-encoding', byteOffset: offset } });
  });

  it('names the offset in a raw document and in a raw ruleset too', async () => {
    const raw = withStrayByte(document.replace('Orders', 'T\uFFFD'));
    const published = await post('/api/v1/contracts/orders-api/versions?version=1.0.0', raw.body, 'application/yaml');
    expect(published).toMatchObject({ status: 422, body: { code: 'invalid-encoding' } });
    expect(published.body.detail).toContain(`byte offset ${raw.offset}`);
    const ruleset = withStrayByte('extends: [["spectral:oas", "off"]]\nrules: {}\n# \uFFFD\n');
    expect(await post('/api/v1/rulesets?name=stray', ruleset.body, 'application/yaml')).toMatchObject({ status: 422, body: { code: 'invalid-encoding', byteOffset: ruleset.offset } });
  });

  it('refuses JSON in another charset, and compressed bodies, with 415', async () => {
    const utf16 = Buffer.from('{"slug":"wide","name":"Wide"}', 'utf16le');
    expect(await post('/api/v1/teams', utf16, 'application/json; charset=utf-16le')).toMatchObject({ status: 415, body: { code: 'unsupported-media-type' } });
    const gzipped = gzipSync('{"slug":"packed","name":"Packed"}');
    expect(await post('/api/v1/teams', gzipped, 'application/json', { 'content-encoding': 'gzip' })).toMatchObject({ status: 415, body: { code: 'unsupported-media-type' } });
  });

  it('refuses a sign-in or sign-up body with a byte that is not UTF-8, before better-auth reads it', async () => {
    const signIn = withStrayByte('{"email":"a@example.com","password":"pass\uFFFDword"}');
    expect(await post('/api/auth/sign-in/email', signIn.body, 'application/json')).toMatchObject({ status: 422, body: { code: 'invalid-encoding', byteOffset: signIn.offset } });
    const signUp = withStrayByte('{"email":"b@example.com","name":"J\uFFFDrgen","password":"a long enough passphrase"}');
    expect(await post('/api/auth/sign-up/email', signUp.body, 'application/json')).toMatchObject({ status: 422, body: { code: 'invalid-encoding', byteOffset: signUp.offset } });
  });

  it('refuses a form whose percent-escapes are not UTF-8, naming the escape, and passes a well-formed one on', async () => {
    const bad = 'email=c%40example.com&name=J%FFrgen&password=a+long+enough+passphrase';
    expect(await post('/api/auth/sign-up/email', bad, 'application/x-www-form-urlencoded')).toMatchObject({ status: 422, body: { code: 'invalid-encoding', byteOffset: bad.indexOf('%FF') } });
    const good = await server.fetch('/api/auth/sign-up/email', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
      body: 'email=d%40example.com&name=J%C3%BCrgen+M%C3%BCller&password=a+long+enough+passphrase',
    });
    expect(good.status).toBe(200);
    expect(((await good.json()) as { user: { name: string } }).user.name).toBe('Jürgen Müller');
  });
});

describe('bodies over the limit are refused as early as possible', () => {
  const uploadHead = (size: number, extra = '') =>
    `POST /api/v1/contracts/orders-api/versions?version=2.0.0 HTTP/1.1\r\nhost: accord\r\nauthorization: Bearer ${TEST_ADMIN_TOKEN}\r\ncontent-type: application/yaml\r\ncontent-length: ${size}\r\n${extra}\r\n`;

  it('answers Expect: 100-continue with 413 when the declared length is too large, without asking for the body', async () => {
    const connection = await openRawHttpConnection(server.url);
    await connection.write(uploadHead(64 * 2 ** 20, 'expect: 100-continue\r\n'));
    const received = await connection.receivedUntil('}');
    expect(received.startsWith('HTTP/1.1 413 ')).toBe(true);
    expect(JSON.parse(parseRawResponse(received).body)).toMatchObject({ code: 'document-too-large' });
    connection.destroy();
  });

  it('sends 100 Continue for a body it will read, and then reads it', async () => {
    const connection = await openRawHttpConnection(server.url);
    const body = document.replace('1.0.0', '2.0.0');
    await connection.write(uploadHead(Buffer.byteLength(body), 'expect: 100-continue\r\n'));
    expect(await connection.receivedUntil('\r\n\r\n')).toBe('HTTP/1.1 100 Continue\r\n\r\n');
    await connection.write(body);
    expect(parseRawResponse(await connection.receivedUntil('"operations"')).status).toBe(201);
    connection.destroy();
  });

  it('answers a chunked upload as soon as it has passed the limit, not once it ends', async () => {
    const connection = await openRawHttpConnection(server.url);
    await connection.write(uploadHead(0).replace('content-length: 0', 'transfer-encoding: chunked'));
    // 12 MiB, past the 10 MiB document limit, and no final chunk: the body has not ended.
    await connection.writeFiller(12 * 2 ** 20, { chunked: true });
    const answer = parseRawResponse(await connection.receivedUntil('}'));
    expect(answer).toMatchObject({ status: 413, headers: { connection: 'close' } });
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'document-too-large' });
    connection.destroy();
  });
});
