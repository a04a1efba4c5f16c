import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { parse } from 'yaml';
import type { ServerConfig } from './config.js';
import { openDatabase } from './db/index.js';
import { createApp } from './http/index.js';
import { createRegistry, isRegistryEmpty, seedRegistry } from './registry/index.js';
import { packageRoot, systemClock } from './shared/index.js';
import { createWorkers } from './workers/index.js';
import { readShippedRulesets } from './lint/read-shipped-rulesets.js';
import { createAccessPolicy } from './auth/index.js';

/** Accord's own API description, parsed on first request: it is not needed to start serving. */
let apiDocument: Promise<object> | undefined;
const loadApiDocument = () => (apiDocument ??= readFile(join(packageRoot(), 'specs', 'accord-api.yaml'), 'utf8').then((text) => parse(text) as object));

export interface RunningServer {
  url: string;
  log: Logger;
  close(): Promise<void>;
}

/**
 * The composition root: configuration → database (migrated) → worker pool → registry → HTTP.
 * Nothing else creates long-lived singletons.
 */
export async function startServer(config: ServerConfig, log: Logger = pino({ level: config.logLevel })): Promise<RunningServer> {
  const started = performance.now();
  const database = await openDatabase(config.database, { onIdleClientError: (err) => log.warn({ err }, 'database connection lost while idle') });
  const workers = createWorkers({
    limits: { maxBytes: config.maxDocumentBytes },
    timeoutMs: config.parseTimeoutMs,
    threads: config.parseThreads,
    onWorkerError: (err) => log.error({ err }, 'worker thread failed'),
  });
  try {
    await database.migrate();
    const registry = createRegistry({ db: database.db, clock: systemClock, specs: workers.specs, checker: workers.checker, linter: workers.linter, shippedRulesets: readShippedRulesets(), compatibility: config.compatibility, waiverMaxDays: config.waiverMaxDays, access: createAccessPolicy() });
    if (config.seed) {
      await database.exclusively(async () => {
        if (!(await isRegistryEmpty(database.db))) return;
        const seeded = await seedRegistry(registry);
        log.info(seeded, 'seeded the example contracts');
      });
    }
    const app = createApp({ registry, log, ping: database.ping, apiDocument: loadApiDocument, maxDocumentBytes: config.maxDocumentBytes });
    const server = app.listen(config.port, config.host);
    await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
    // Requests carrying large documents may be slow to arrive; do not let a stalled client hold a socket forever.
    server.requestTimeout = 120_000;
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    log.info({ url, database: database.kind, ms: Math.round(performance.now() - started) }, 'Accord is ready');
    return {
      url,
      log,
      async close() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await workers.close();
        await database.close();
      },
    };
  } catch (error) {
    await workers.close();
    await database.close();
    throw error;
  }
}
