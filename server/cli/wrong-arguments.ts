import { UsageError } from './cli-errors.js';

/**
 * The refusal of a command's positional arguments: first what was extra or missing, then the
 * command's synopsis. The synopsis alone left the reader to spot the mistake in it.
 */
export function wrongArguments(help: string, { missing = 'an argument', extra = [] }: { missing?: string; extra?: readonly string[] }): UsageError {
  const mistake = extra.length > 0 ? `unexpected ${extra.length === 1 ? 'argument' : 'arguments'} ${extra.map((a) => `"${a}"`).join(' ')}` : `missing ${missing}`;
  return new UsageError(`${mistake}\n\n${help}`);
}
