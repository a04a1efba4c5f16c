// A proxy for `npm run bench traffic`, in a process of its own: a plain `passthrough` proxy
// (node:http + undici Pool, nothing else) or the validating `proxy`. Prints its URL. Runs from the
// project root, where it finds the contract it validates against.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Pool, type Dispatcher } from 'undici';
import { parse } from 'yaml';
import { compileHttpContract, createTrafficRecorder, startProxy } from '../server/tester/index.js';

const [kind, upstream] = process.argv.slice(2);
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding']);

if (kind === 'passthrough') {
  const pool = new Pool(upstream!, { connections: 256 });
  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    const headers: string[] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) if (!HOP_BY_HOP.has(req.rawHeaders[i]!.toLowerCase())) headers.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    pool.dispatch(
      { path: req.url!, method: req.method as Dispatcher.HttpMethod, headers, body: req.headers['content-length'] ? req : null },
      {
        onRequestStart() {},
        onResponseStart(_c, status, h) {
          const out: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(h)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
          res.writeHead(status, out);
        },
        onResponseData(c, chunk) {
          if (!res.write(chunk)) {
            c.pause();
            res.once('drain', () => c.resume());
          }
        },
        onResponseEnd: () => void res.end(),
        onResponseError: () => void res.writeHead(502).end(),
      },
    );
  });
  server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(server.address() as { port: number }).port}`));
} else if (kind === 'proxy') {
  const document = parse(await readFile(join('specs', 'examples', 'retail', 'inventory-stock-api', '1.1.0.yaml'), 'utf8')) as Record<string, unknown>;
  let windows = 0;
  const recorder = createTrafficRecorder({ contract: 'inventory-stock-api', environment: 'dev', version: '1.1.0', source: 'proxy', flushIntervalMs: 1000, onWindow: () => void windows++ });
  recorder.start();
  const proxy = await startProxy({ contract: compileHttpContract(document), recorder, upstream: upstream!, contractSlug: 'inventory-stock-api', environment: 'dev', port: 0, host: '127.0.0.1', metricsPort: 0 });
  console.log(proxy.url);
} else {
  console.error('usage: traffic-target.ts passthrough <url> | proxy <url>');
  process.exit(2);
}
