import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inject } from 'vitest';

/**
 * The worker threads' entry bundled for this test run, beside its bundled command line (see
 * `bundleCli`): from the sources, through tsx, a thread spends about twice the CPU importing them.
 */
export function bundledWorkerModule(): URL {
  return pathToFileURL(join(dirname(inject('cliEntry')), 'worker.js'));
}
