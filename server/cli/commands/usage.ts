import type { UsageReport, UsageSettings } from '../../registry/index.js';
import { UsageError } from '../cli-errors.js';
import { wrongArguments } from '../wrong-arguments.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';
import { printTable } from '../print-table.js';

export const usageHelp = `accord usage <contract> [--days <n>] [--env <environment>]
             settings <contract> [--gating standard|usage-aware] [--days <n>] [--threshold <requests>]
             exclude <contract> <consumer> --reason <text> | include <contract> <consumer>
             [--server URL] [--json]

Shows who called which operation of a contract over the last days (the contract's look-back, 30
unless set), from the traffic its testers and telemetry reported: requests and last-seen time per
operation and consumer, shadow consumers (calling without an approved subscription) and silent
subscriptions (approved, not seen calling).

settings shows or changes how checks weigh that use: under usage-aware gating a breaking change no
declared or observed consumer uses (at least --threshold requests in --days days) passes, saying
so; one that reaches consumers fails naming them and their teams. exclude leaves a consumer's
traffic out (a synthetic monitor, a load test); it needs a reason and is audited.`;

export async function usage(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...clientOptions, days: { type: 'string' }, env: { type: 'string' }, gating: { type: 'string' }, threshold: { type: 'string' }, reason: { type: 'string' } });
  if (values.help) return void console.log(usageHelp), 0;
  const client = clientFrom(values);
  const [first, ...rest] = positionals;
  if (!first) throw wrongArguments(usageHelp, { missing: 'the contract' });
  const settingsPath = (contract: string) => `/contracts/${encodeURIComponent(contract)}/usage`;
  switch (first) {
    case 'settings': {
      const [contract, ...extra] = rest;
      if (!contract || extra.length > 0) throw wrongArguments(usageHelp, { missing: 'the contract', extra });
      const patch = { ...(values.gating !== undefined && { gating: values.gating }), ...(values.days !== undefined && { days: count(values.days, '--days') }), ...(values.threshold !== undefined && { threshold: count(values.threshold, '--threshold') }) };
      const { body } = Object.keys(patch).length === 0 ? await client.request<UsageSettings>('GET', `${settingsPath(contract)}/settings`) : await client.request<UsageSettings>('PATCH', `${settingsPath(contract)}/settings`, { body: patch });
      return printSettings(body, values.json);
    }
    case 'exclude':
    case 'include': {
      const [contract, consumer, ...extra] = rest;
      if (!contract || !consumer || extra.length > 0) throw wrongArguments(usageHelp, { missing: contract ? 'the consumer' : 'the contract and the consumer', extra });
      if (first === 'exclude' && !values.reason?.trim()) throw new UsageError('--reason is required: say why this consumer\'s traffic is not use of the contract, e.g. --reason "uptime probe"');
      const { body } =
        first === 'exclude'
          ? await client.request<UsageSettings>('POST', `${settingsPath(contract)}/exclusions`, { body: { consumer, reason: values.reason } })
          : await client.request<UsageSettings>('POST', `${settingsPath(contract)}/exclusions/withdraw`, { body: { consumer } });
      return printSettings(body, values.json);
    }
    default: {
      if (rest.length > 0) throw wrongArguments(usageHelp, { extra: rest });
      const { body } = await client.request<UsageReport>('GET', settingsPath(first), { query: { days: values.days === undefined ? undefined : String(count(values.days, '--days')), env: values.env } });
      if (values.json) return void console.log(JSON.stringify(body)), 0;
      console.log(`${body.contract}: observed over ${body.days} days${body.environment ? ` in ${body.environment}` : ''}, since ${new Date(body.from).toISOString()}`);
      printTable(['operation', 'consumer', 'requests', 'last seen', 'subscribed', 'environments'], body.operations.map((o) => [o.operation, o.consumer, o.requests, new Date(o.lastSeenAt).toISOString(), o.declared ? 'yes' : 'no', o.environments.join(', ')]));
      console.log(body.shadowConsumers.length === 0 ? 'Shadow consumers: none' : `Shadow consumers (no approved subscription, at least ${body.threshold} requests):`);
      for (const c of body.shadowConsumers) console.log(`  ${c.consumer} (team ${c.team ?? 'unknown'}): ${c.requests} requests to ${c.operations.join(', ')}, last ${new Date(c.lastSeenAt).toISOString()}`);
      console.log(body.silentSubscriptions.length === 0 ? 'Silent subscriptions: none' : 'Silent subscriptions (approved, not seen calling):');
      for (const s of body.silentSubscriptions) console.log(`  ${s.consumer} (team ${s.team}) ${s.range}: ${s.operations.join(', ')}`);
      for (const e of body.excluded) console.log(`Excluded: ${e.consumer} (${e.requests} requests): ${e.reason}`);
      return 0;
    }
  }
}

function printSettings(settings: UsageSettings, json: boolean): number {
  if (json) return void console.log(JSON.stringify(settings)), 0;
  console.log(`${settings.contract}: ${settings.gating} gating; use is at least ${settings.threshold} request${settings.threshold === 1 ? '' : 's'} in ${settings.days} days`);
  for (const e of settings.exclusions) console.log(`  excluded ${e.consumer}: ${e.reason} (${e.createdBy})`);
  return 0;
}

function count(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a whole number of at least 1, not "${text}"`);
  return n;
}
