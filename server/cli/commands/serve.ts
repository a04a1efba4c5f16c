import { loadServerConfig } from '../../config.js';
import { UsageError } from '../cli-errors.js';
import { parseCommandArgs } from '../parse-command-args.js';

export const serveHelp = `accord serve [--port N] [--host H] [--data-dir DIR] [--database-url URL] [--no-seed]

Starts the Accord server. With no DATABASE_URL it uses the embedded PGlite database in
--data-dir (ACCORD_DATA_DIR, default ./.accord); migrations are applied at start-up and an empty
registry is seeded with the example contracts.`;

export async function serve(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    'no-seed': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return void console.log(serveHelp), 0;
  const config = loadServerConfig({
    ...process.env,
    ...(values.port ? { PORT: values.port } : {}),
    ...(values.host ? { HOST: values.host } : {}),
    ...(values['data-dir'] ? { ACCORD_DATA_DIR: values['data-dir'] } : {}),
    ...(values['database-url'] ? { DATABASE_URL: values['database-url'] } : {}),
    ...(values['no-seed'] ? { ACCORD_SEED: 'false' } : {}),
  });
  // Loaded here, not at the top: the whole server costs ~2 s to import, which every client
  // command (publish, ls, get, …) would otherwise pay on each run.
  const { startServer } = await import('../../main.js');
  const server = await startServer(config).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new UsageError(`port ${config.port} on ${config.host} is already in use; pass --port or set PORT`);
    throw error;
  });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop).once('SIGTERM', stop);
  });
  server.log.info('shutting down');
  // An orchestrator waits for the process to end; a shutdown stuck on something must not hang it.
  setTimeout(() => {
    server.log.error('shutdown did not finish within 30 s; exiting anyway');
    process.exit(1);
  }, 30_000).unref();
  await server.close();
  return 0;
}
