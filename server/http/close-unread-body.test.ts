import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRawHttpConnection, parseRawResponse } from '../test-support/raw-http-connection.js';
import { TEST_ADMIN_TOKEN } from '../test-support/test-credentials.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { closeUnreadBody } from './close-unread-body.js';

const MiB = 2 ** 20;

describe('a body refused before it has arrived, through the Accord server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await server.json('POST', '/api/v1/teams', { slug: 'red-team', name: 'Red team' });
    await server.json('POST', '/api/v1/systems', { slug: 'attacker', name: 'Attacker', team: 'red-team', domain: 'security' });
    await server.json('POST', '/api/v1/contracts', { slug: 'big', name: 'Big', system: 'attacker' });
  });
  afterAll(() => server?.close());

  it('lets a client that keeps writing a body far over the limit read the 413, not a reset', async () => {
    // `Connection: close` from the client used to make the server close at once, unread body and
    // all: the client, still writing, got a reset (EPIPE or ECONNRESET) instead of its answer.
    const connection = await openRawHttpConnection(server.url);
    const size = 32 * MiB;
    await connection.write(`POST /api/auth/sign-in/email HTTP/1.1\r\nhost: accord\r\ncontent-type: application/json\r\nconnection: close\r\ncontent-length: ${size}\r\n\r\n`);
    const writing = connection.writeFiller(size).then(
      () => undefined,
      (error: Error) => error,
    );
    const { received, error } = await connection.closed;
    expect(error).toBeUndefined();
    expect(await writing).toBeUndefined();
    const response = parseRawResponse(received);
    expect(response).toMatchObject({ status: 413, headers: { connection: 'close', 'content-type': 'application/problem+json; charset=utf-8' } });
    expect(JSON.parse(response.body)).toMatchObject({ code: 'payload-too-large' });
  });

  it('answers an upload declared over the document limit before its body is sent, then lets the client write it', async () => {
    const connection = await openRawHttpConnection(server.url);
    const size = 26 * MiB;
    await connection.write(
      `POST /api/v1/contracts/big/versions?version=1.0.0 HTTP/1.1\r\nhost: accord\r\nauthorization: Bearer ${TEST_ADMIN_TOKEN}\r\ncontent-type: application/octet-stream\r\ncontent-length: ${size}\r\n\r\n`,
    );
    const answer = parseRawResponse(await connection.receivedUntil('}'));
    expect(answer).toMatchObject({ status: 413, headers: { connection: 'close' } });
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'document-too-large' });
    // A client that does not look at the answer until it has written everything is not reset either.
    await connection.writeFiller(size);
    expect((await connection.closed).error).toBeUndefined();
  });
});

describe('closeUnreadBody', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const app = express();
    app.use(closeUnreadBody({ maxDrainBytes: 4 * MiB, maxDrainMs: 500 }));
    app.post('/refuse', (_req, res) => void res.status(413).send('too large'));
    app.post('/read', (req, res) => {
      req.resume();
      req.on('end', () => res.send('read'));
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const refusedUpload = async (size: number) => {
    const connection = await openRawHttpConnection(url);
    await connection.write(`POST /refuse HTTP/1.1\r\nhost: test\r\ncontent-length: ${size}\r\n\r\n`);
    expect(parseRawResponse(await connection.receivedUntil('too large'))).toMatchObject({ status: 413, headers: { connection: 'close' } });
    return connection;
  };

  it('stops discarding once the bound on bytes is reached, and closes', async () => {
    const connection = await refusedUpload(64 * MiB);
    await connection.writeFiller(64 * MiB).catch(() => undefined);
    await connection.closed;
  });

  it('stops waiting for a client that writes nothing more, and closes', async () => {
    const connection = await refusedUpload(MiB);
    await connection.write('only a little');
    await connection.closed;
  });

  it('closes as soon as the rest of the body has arrived', async () => {
    const connection = await refusedUpload(MiB);
    await connection.writeFiller(MiB);
    expect((await connection.closed).error).toBeUndefined();
  });

  it('keeps the connection open after a response to a body that was read', async () => {
    const connection = await openRawHttpConnection(url);
    await connection.write('POST /read HTTP/1.1\r\nhost: test\r\ncontent-length: 5\r\n\r\nhello');
    const first = parseRawResponse(await connection.receivedUntil('read'));
    expect(first.status).toBe(200);
    expect(first.headers.connection).toBe('keep-alive');
    connection.destroy();
  });
});
