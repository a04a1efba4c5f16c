import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { isConnectionFailure } from './is-connection-failure.js';

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
};

describe('isConnectionFailure', () => {
  const servers: Server[] = [];
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('recognises a server that refuses connections', async () => {
    const server = createServer();
    const port = await listen(server);
    await new Promise((resolve) => server.close(resolve));
    const pool = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:${port}/accord`, connectionTimeoutMillis: 1000 });
    const error = await pool.query('select 1').catch((e: unknown) => e);
    await pool.end();
    expect(isConnectionFailure(error)).toBe(true);
  });

  it('recognises a server that accepts the connection and never answers, as a frozen one does', async () => {
    const server = createServer((socket) => void sockets.push(socket));
    servers.push(server);
    const port = await listen(server);
    const pool = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:${port}/accord`, connectionTimeoutMillis: 300 });
    const error = await pool.query('select 1').catch((e: unknown) => e);
    await pool.end();
    expect(error).toBeInstanceOf(Error);
    expect(isConnectionFailure(error)).toBe(true);
  });

  it('does not take a refusal of the statement itself for an outage', () => {
    const uniqueViolation = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    expect(isConnectionFailure(new Error('Failed query: insert …', { cause: uniqueViolation }))).toBe(false);
    expect(isConnectionFailure(new Error('Failed query: select …', { cause: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }) }))).toBe(true);
  });
});
