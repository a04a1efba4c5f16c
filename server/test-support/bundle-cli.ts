import { build } from 'esbuild';
import { join } from 'node:path';

/**
 * The `accord` command line bundled from its TypeScript sources once per test run. Tests run the
 * real command as a child process many hundreds of times; through the tsx loader each start
 * transpiles and resolves the whole module graph again (measured: 4–5× the start of the bundle).
 * Packages stay external and imports that load on demand stay separate chunks, so a command loads
 * what it loaded from the sources. The folder is inside the project so that the package root,
 * `node_modules` and the shipped policies are found from it as from the sources.
 *
 * The worker threads' entry is bundled beside it, as in the build: the bundled `accord serve` finds
 * it there, and so do the servers tests start in their own process (see `startTestServer`). Through
 * tsx a worker thread spent 2.5 s of CPU importing its sources before its first task, 1.2 s bundled.
 */
export async function bundleCli(projectRoot: string, outdir: string): Promise<string> {
  await build({
    entryPoints: { accord: join(projectRoot, 'server/cli/accord.ts'), worker: join(projectRoot, 'server/workers/worker.ts') },
    outdir,
    bundle: true,
    splitting: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return join(outdir, 'accord.js');
}
