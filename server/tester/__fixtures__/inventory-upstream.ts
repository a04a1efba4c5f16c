import { createServer, type Server } from 'node:http';

/** What the upstream does wrong, changed while it runs: the fault injection of the tests and the walk-through. */
export interface UpstreamFaults {
  /** Share of answers that are 500s, spread evenly (every 20th for 0.05). */
  errorRate: number;
  delayMs: number;
}

/**
 * A tiny Inventory Stock API (the seeded `inventory-stock-api`: 1.x under `/api/v1`, 2.0.0 under `/api/v2`) with faults on
 * demand. A request header `x-fault` breaks one answer on purpose: `wrong-type`, `missing-property`,
 * `status-418`. `stop()` closes the port, so a proxy in front meets a refused connection.
 */
export async function startInventoryUpstream({ port = 0, host = '127.0.0.1', faults = {} }: { port?: number; host?: string; faults?: Partial<UpstreamFaults> } = {}) {
  const state: UpstreamFaults = { errorRate: 0, delayMs: 0, ...faults };
  let served = 0;
  const sockets = new Set<import('node:net').Socket>();
  const handle: Parameters<typeof createServer>[1] = (req, res) => {
    const n = served++;
    const fault = req.headers['x-fault'];
    const answer = () => {
      if (Math.floor((n + 1) * state.errorRate) > Math.floor(n * state.errorRate)) return problem(500, 'injected failure');
      const url = new URL(req.url ?? '/', 'http://upstream');
      // 1.x under /api/v1, 2.0.0 (available quantity renamed availableToSell) under /api/v2.
      const version = /^\/api\/(v1|v2)\//.exec(url.pathname)?.[1];
      const one = /^\/api\/v[12]\/stores\/([^/]+)\/stock\/([^/]+)$/.exec(url.pathname);
      const list = /^\/api\/v[12]\/stores\/([^/]+)\/stock$/.exec(url.pathname);
      const available = version === 'v2' ? 'availableToSell' : 'quantityAvailable';
      if (req.method === 'GET' && one) {
        if (fault === 'status-418') return problem(418, 'a teapot');
        const level: Record<string, unknown> = { storeId: one[1], sku: decodeURIComponent(one[2]!), quantityOnHand: 12, quantityReserved: 2, [available]: 10, updatedAt: '2026-12-01T08:00:00Z' };
        if (fault === 'wrong-type') level.quantityOnHand = 'twelve';
        if (fault === 'missing-property') delete level.updatedAt;
        return json(200, level);
      }
      if (req.method === 'GET' && list) return json(200, { items: [{ storeId: list[1], sku: '4006381333931', quantityOnHand: 3, quantityReserved: 0, [available]: 3, updatedAt: '2026-12-01T08:00:00Z' }], nextCursor: null });
      return problem(404, `${req.method} ${url.pathname} is not here`);
    };
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const problem = (status: number, detail: string) => res.writeHead(status, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: 'Error', status, detail }));
    req.resume();
    req.on('end', () => (state.delayMs > 0 ? setTimeout(answer, state.delayMs) : answer()));
  };
  let server: Server | undefined;
  let bound = port;
  const start = async () => {
    server = createServer({ keepAliveTimeout: 65_000 }, handle);
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => server!.once('error', reject).listen(bound, host, () => resolve()));
    bound = (server.address() as { port: number }).port;
  };
  const stop = async () => {
    const closing = new Promise((resolve) => server?.close(resolve));
    for (const socket of sockets) socket.destroy();
    await closing;
    server = undefined;
  };
  await start();
  return {
    url: `http://${host}:${bound}`,
    faults: state,
    served: () => served,
    start,
    stop,
    close: () => (server ? stop() : Promise.resolve()),
  };
}
