import type { WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret } from '../../notify/index.js';
import type { Page } from '../../registry/index.js';
import { UsageError } from '../cli-errors.js';
import { wrongArguments } from '../wrong-arguments.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';
import { printTable } from '../print-table.js';

export const webhookHelp = `accord webhook create <system> --url <url> [--event <type> …] [--description <text>]
               ls <system>
               disable <webhook-id> | rotate-secret <webhook-id> | test <webhook-id>
               deliveries <webhook-id> [--limit N]
               [--server URL] [--json]

Webhooks tell a system's team about its contracts and subscriptions (version.published,
subscription.requested, …; all events without --event) as signed CloudEvents. create and
rotate-secret print the signing secret, and only then. test sends a ping; deliveries shows what
was sent and how the receiver answered.`;

const time = (at: Date | string | null) => (at === null ? '' : new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'));

export async function webhook(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...clientOptions,
    url: { type: 'string' },
    event: { type: 'string', multiple: true },
    description: { type: 'string' },
    limit: { type: 'string' },
  });
  if (values.help) return void console.log(webhookHelp), 0;
  const [action, target, ...extra] = positionals;
  if (!action || !target || extra.length > 0) throw wrongArguments(webhookHelp, { missing: action ? (action === 'create' || action === 'ls' ? 'the system' : 'the webhook id') : 'the action and what it applies to', extra });
  const client = clientFrom(values);
  const at = `/webhooks/${encodeURIComponent(target)}`;
  const show = (w: WebhookEndpoint | WebhookEndpointWithSecret) => {
    if (values.json) return void console.log(JSON.stringify(w));
    console.log(`${w.id}  ${w.active ? 'active' : 'disabled'}  ${w.system}  ${w.url}  ${w.events.length === 0 ? 'all events' : w.events.join(', ')}`);
    if ('secret' in w) console.log(`secret: ${w.secret}  (shown this once: verify each delivery's signature with it)`);
  };
  switch (action) {
    case 'create': {
      if (!values.url) throw new UsageError('--url is required: where the events are posted');
      const body = { url: values.url, ...(values.event && { events: values.event }), ...(values.description !== undefined && { description: values.description }) };
      show((await client.request<WebhookEndpointWithSecret>('POST', `/systems/${encodeURIComponent(target)}/webhooks`, { body })).body);
      return 0;
    }
    case 'ls': {
      const { body } = await client.request<{ items: WebhookEndpoint[] }>('GET', `/systems/${encodeURIComponent(target)}/webhooks`);
      if (values.json) return void console.log(JSON.stringify(body.items)), 0;
      printTable(['id', 'state', 'url', 'events', 'created by', 'description'], body.items.map((w) => [w.id, w.active ? 'active' : 'disabled', w.url, w.events.join(',') || 'all', w.createdBy, w.description]));
      return 0;
    }
    case 'disable':
    case 'rotate-secret':
      show((await client.request<WebhookEndpoint>('POST', `${at}/${action}`)).body);
      return 0;
    case 'test': {
      const { body } = await client.request<WebhookDelivery>('POST', `${at}/test`);
      if (values.json) return void console.log(JSON.stringify(body)), 0;
      console.log(`sent ${body.eventType} as delivery ${body.id}; accord webhook deliveries ${target} shows how it was answered`);
      return 0;
    }
    case 'deliveries': {
      if (values.limit !== undefined && !/^[1-9]\d*$/.test(values.limit)) throw new UsageError(`--limit must be a positive whole number, not "${values.limit}"`);
      const { body } = await client.request<Page<WebhookDelivery>>('GET', `${at}/deliveries`, { query: { limit: values.limit } });
      if (values.json) return void console.log(JSON.stringify(body.items)), 0;
      printTable(['id', 'event', 'status', 'attempts', 'last attempt', 'answer', 'created'], body.items.map((d) => [d.id, d.eventType, d.status, d.attempts, time(d.lastAttemptAt), d.lastStatus ?? d.lastError, time(d.createdAt)]));
      return 0;
    }
    default:
      throw new UsageError(`unknown webhook action "${action}"\n\n${webhookHelp}`);
  }
}
