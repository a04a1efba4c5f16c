import type { Page, Subscription } from '../../registry/index.js';
import { UsageError } from '../cli-errors.js';
import { wrongArguments } from '../wrong-arguments.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';
import { printTable } from '../print-table.js';

export const subscriptionsHelp = `accord subscriptions ls <contract> [--status requested|approved|rejected|revoked]
                     approve <id> [--note <text>] | reject <id> [--note <text>] | revoke <id> [--note <text>]
                     [--server URL] [--json]

Lists the subscriptions to a contract, and decides on them: a maintainer of the contract approves
or rejects a request; either side may revoke a subscription. Request one with accord subscribe.`;

export async function subscriptions(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...clientOptions, status: { type: 'string' }, note: { type: 'string' } });
  if (values.help) return void console.log(subscriptionsHelp), 0;
  const [action, target, ...extra] = positionals;
  if (!action || !target || extra.length > 0) throw wrongArguments(subscriptionsHelp, { missing: action ? (action === 'ls' ? 'the contract' : 'the subscription id') : 'the action and what it applies to', extra });
  const client = clientFrom(values);
  switch (action) {
    case 'ls': {
      const items: Subscription[] = [];
      let cursor: string | undefined;
      do {
        const { body } = await client.request<Page<Subscription>>('GET', `/contracts/${encodeURIComponent(target)}/subscriptions`, { query: { status: values.status, cursor } });
        items.push(...body.items);
        cursor = body.nextCursor ?? undefined;
      } while (cursor);
      if (values.json) return void console.log(JSON.stringify(items)), 0;
      printTable(['id', 'consumer', 'range', 'status', 'operations', 'requested by', 'decided by'], items.map((s) => [s.id, s.consumer, s.range, s.status, s.operations.join(', '), s.requestedBy, s.decidedBy]));
      return 0;
    }
    case 'approve':
    case 'reject':
    case 'revoke': {
      const { body } = await client.request<Subscription>('POST', `/subscriptions/${encodeURIComponent(target)}/${action}`, { body: values.note === undefined ? {} : { note: values.note } });
      printSubscription(body, values.json);
      return 0;
    }
    default:
      throw new UsageError(`unknown subscriptions action "${action}"\n\n${subscriptionsHelp}`);
  }
}

/** One subscription on one line, or as JSON. */
export function printSubscription(s: Subscription, json: boolean): void {
  if (json) return void console.log(JSON.stringify(s));
  console.log(`${s.id}  ${s.status}  ${s.consumer} uses ${s.contract} ${s.range}: ${s.operations.join(', ')}`);
}
