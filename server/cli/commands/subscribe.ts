import type { Subscription } from '../../registry/index.js';
import { UsageError } from '../cli-errors.js';
import { wrongArguments } from '../wrong-arguments.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';
import { printSubscription } from './subscriptions.js';

export const subscribeHelp = `accord subscribe <contract> --consumer <system> --range <semver range> --operation <key> [--operation <key> …]
                 [--note <text>] [--server URL] [--json]

Declares that a consumer system uses operations of a contract within a range of versions (^1,
>=2.3 <3), so its owners know whom a change would hurt. The request waits for a maintainer of the
contract to approve it (accord subscriptions approve). Operations are named as versions list them
("GET /orders/{id}", "send stock.adjusted") or by operation id. A consumer may hold several
subscriptions to one contract, e.g. ^1 and ^2 while it moves from one major to the next.`;

export async function subscribe(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...clientOptions,
    consumer: { type: 'string' },
    range: { type: 'string' },
    operation: { type: 'string', multiple: true },
    note: { type: 'string' },
  });
  if (values.help) return void console.log(subscribeHelp), 0;
  const [contract, ...extra] = positionals;
  if (!contract || extra.length > 0) throw wrongArguments(subscribeHelp, { missing: 'the contract', extra });
  if (!values.consumer) throw new UsageError('--consumer is required: the slug of the system that uses the contract');
  if (!values.range) throw new UsageError('--range is required, e.g. --range ^1');
  if (!values.operation?.length) throw new UsageError('name the operations used with --operation, e.g. --operation "GET /orders/{id}"');
  const body = { consumer: values.consumer, range: values.range, operations: values.operation, ...(values.note !== undefined && { note: values.note }) };
  const { body: subscription } = await clientFrom(values).request<Subscription>('POST', `/contracts/${encodeURIComponent(contract)}/subscriptions`, { body });
  printSubscription(subscription, values.json);
  return 0;
}
