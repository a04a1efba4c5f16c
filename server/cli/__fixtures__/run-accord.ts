import { fileURLToPath } from 'node:url';

export { closedPortUrl, runAccord, type AccordRun } from '../../test-support/run-accord.js';

/** The absolute path of a file or folder in server/cli/__fixtures__. */
export const fixture = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
