import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadClientConfig } from '../client-config.js';
import { createAccordClient, type AccordClient } from './accord-client.js';
import { UsageError } from './cli-errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every client command takes. */
export const clientOptions = {
  server: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

/** `util.parseArgs` with its errors turned into usage errors (exit 2). */
export function parseCommandArgs<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's message names the option; the user still needs to know where the right ones are listed.
    throw new UsageError(`${(error as Error).message.replace(/\.?\s*$/, '')}; --help lists the options`);
  }
}

export function clientFrom(values: { server?: string | undefined }, env: NodeJS.ProcessEnv = process.env): AccordClient {
  const config = loadClientConfig(env);
  return createAccordClient({ server: values.server ?? config.server, token: config.token });
}
