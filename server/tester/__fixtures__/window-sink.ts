import { createServer, type Server } from 'node:http';
import type { TrafficWindow } from '../../shared/index.js';

/**
 * The registry's window endpoint as the reporter sees it (idempotent per window id, 202 then 200
 * duplicate), on a port chosen by the test, so a test can take the registry away and bring it back.
 * Tests against the real registry live in `*.registry.test.ts`.
 */
export async function startWindowSink({ port = 0, answer }: { port?: number; answer?: (window: TrafficWindow) => number | undefined } = {}) {
  const windows = new Map<string, TrafficWindow>();
  let posts = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      posts++;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as TrafficWindow | { windows: TrafficWindow[] };
      const batch = 'windows' in body ? body.windows : [body];
      for (const window of batch) {
        const status = answer?.(window);
        if (status !== undefined) return void response.writeHead(status, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ status, detail: 'refused' }));
      }
      const results = batch.map((window) => {
        const duplicate = windows.has(window.id);
        windows.set(window.id, window);
        return { id: window.id, status: duplicate ? 'duplicate' : 'accepted' };
      });
      const accepted = results.some((r) => r.status === 'accepted');
      const answerBody = 'windows' in body ? { status: accepted ? 'accepted' : 'duplicate', windows: results } : results[0];
      response.writeHead(accepted ? 202 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(answerBody));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    windows,
    posts: () => posts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
