import type { Incident, MeanTimeToRecover, Slo, TrafficReport } from '../../traffic/index.js';
import { UsageError } from '../cli-errors.js';
import { wrongArguments } from '../wrong-arguments.js';
import { parseDurationMs } from '../load-deployed-document.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';
import { printTable } from '../print-table.js';

export const sloHelp = `accord slo show <contract> --env <environment>
         set <contract> --env <environment> [--p95 300ms] [--error-rate 1%] [--window 5m]
                                          [--open-after N] [--resolve-after N]
         traffic <contract> --env <environment> [--from <time>] [--to <time>]
         incidents [<contract>] [--env <environment>] [--open]
         mttr <contract> [--env <environment>] [--from <time>] [--to <time>]
         alerts <contract> --env <environment>        Prometheus alerting rules (YAML)
         dashboard <contract> --env <environment>     Grafana dashboard (JSON)
         [--server URL] [--json]

A contract's service level objective in one environment: the P95 latency and error rate its live
traffic must keep, evaluated over --window. An incident opens after --open-after breaching
evaluations in a row and resolves after --resolve-after healthy ones. Without a setting of its own
a contract has the installation's default (source "default"). Setting needs the maintainer role.
Times are ISO 8601 (2026-12-07T10:00:00Z) or dates; traffic defaults to the last hour.`;

export async function slo(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...clientOptions,
    env: { type: 'string' },
    p95: { type: 'string' },
    'error-rate': { type: 'string' },
    window: { type: 'string' },
    'open-after': { type: 'string' },
    'resolve-after': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    open: { type: 'boolean' },
  });
  if (values.help) return void console.log(sloHelp), 0;
  const [action, contract, ...extra] = positionals;
  if (!action || extra.length > 0 || (action !== 'incidents' && !contract)) throw wrongArguments(sloHelp, { missing: action ? 'the contract' : 'the action and the contract', extra });
  const client = clientFrom(values);
  const path = `/contracts/${encodeURIComponent(contract ?? '')}`;
  const env = () => {
    if (!values.env) throw new UsageError(`--env is required for "accord slo ${action}", e.g. --env prod (accord ls environments lists them)`);
    return encodeURIComponent(values.env);
  };
  const json = (body: unknown) => (console.log(JSON.stringify(body)), 0);

  switch (action) {
    case 'show':
    case 'set': {
      const patch = action === 'set' ? settingsFrom(values) : undefined;
      if (patch && Object.keys(patch).length === 0) throw new UsageError('say what to set: --p95, --error-rate, --window, --open-after or --resolve-after');
      const { body } = await client.request<Slo>(patch ? 'PATCH' : 'GET', `${path}/slos/${env()}`, patch && { body: patch });
      if (values.json) return json(body);
      console.log(`${body.contract} in ${body.environment} (${body.source === 'default' ? "the installation's default" : `set by ${body.updatedBy}`})`);
      console.log(`  P95 ≤ ${body.p95Ms} ms, error rate ≤ ${percent(body.errorRate)}, evaluated over ${body.windowSeconds} s`);
      console.log(`  an incident opens after ${body.openAfter} breaching evaluations and resolves after ${body.resolveAfter} healthy ones`);
      return 0;
    }
    case 'traffic': {
      const to = values.to ? instant(values.to, '--to') : new Date().toISOString();
      const from = values.from ? instant(values.from, '--from') : new Date(Date.parse(to) - 3_600_000).toISOString();
      const { body } = await client.request<TrafficReport>('GET', `${path}/traffic`, { query: { env: values.env ?? env(), from, to } });
      if (values.json) return json(body);
      const t = body.totals;
      console.log(`${body.contract} in ${body.environment}, ${body.from} to ${body.to}: ${t.requests} requests, error rate ${t.errorRate === null ? '–' : percent(t.errorRate)}, P95 ${ms(t.p95Ms)}, ${t.violations} violations, ${t.undocumented} undocumented`);
      if (t.messages) console.log(`messages: ${t.messages.seen} seen, ${t.messages.validated} validated, ${t.messages.dropped} dropped`);
      printTable(['operation', 'requests', 'errors', 'p95', 'violations', 'undocumented'], body.operations.map((o) => [o.documented ? o.operation : `${o.operation} (undocumented)`, o.requests, o.errors, ms(o.p95Ms), o.violations, o.undocumented]));
      return 0;
    }
    case 'incidents': {
      const { body } = await client.request<{ items: Incident[] }>('GET', '/incidents', { query: { contract, env: values.env, open: values.open ? 'true' : undefined } });
      if (values.json) return json(body.items);
      if (body.items.length === 0) return void console.log(values.open ? 'no open incidents' : 'no incidents'), 0;
      printTable(
        ['contract', 'env', 'kind', 'opened', 'resolved', 'lasted', 'worst', 'consumers'],
        body.items.map((i) => [i.contract, i.environment, i.kind, String(i.openedAt), i.resolvedAt === null ? 'open' : String(i.resolvedAt), i.durationMs === null ? '' : duration(i.durationMs), i.kind === 'errors' ? percent(i.worst) : ms(i.worst), i.consumers.join(', ')]),
      );
      return 0;
    }
    case 'mttr': {
      const query = { env: values.env, from: values.from && instant(values.from, '--from'), to: values.to && instant(values.to, '--to') };
      const { body } = await client.request<MeanTimeToRecover & { contract: string; from: string; to: string }>('GET', `${path}/mttr`, { query });
      if (values.json) return json(body);
      console.log(`${body.contract}, ${body.from} to ${body.to}: ${body.overall.incidents} resolved incident${body.overall.incidents === 1 ? '' : 's'}, MTTR ${body.overall.mttrMs === null ? '–' : duration(body.overall.mttrMs)}`);
      if (body.edges.length > 0) printTable(['env', 'consumer → provider', 'incidents', 'mttr'], body.edges.map((e) => [e.environment, `${e.consumer} → ${e.provider}`, e.incidents, e.mttrMs === null ? '–' : duration(e.mttrMs)]));
      return 0;
    }
    case 'alerts': {
      const { body } = await client.request<string>('GET', `${path}/slos/${env()}/prometheus-rules`);
      process.stdout.write(body);
      return 0;
    }
    case 'dashboard': {
      const { body } = await client.request<unknown>('GET', `${path}/slos/${env()}/grafana-dashboard`);
      console.log(JSON.stringify(body, null, 2));
      return 0;
    }
    default:
      throw new UsageError(`unknown slo action "${action}"\n\n${sloHelp}`);
  }
}

function settingsFrom(values: Record<string, string | boolean | string[] | undefined>): Record<string, number> {
  const text = (name: string) => values[name] as string | undefined;
  const settings: Record<string, number> = {};
  if (text('p95') !== undefined) settings.p95Ms = parseDurationMs(text('p95')!, '--p95');
  if (text('error-rate') !== undefined) settings.errorRate = rateOf(text('error-rate')!);
  if (text('window') !== undefined) settings.windowSeconds = Math.max(1, Math.round(parseDurationMs(text('window')!, '--window') / 1000));
  for (const [option, key] of [['open-after', 'openAfter'], ['resolve-after', 'resolveAfter']] as const) {
    const given = text(option);
    if (given === undefined) continue;
    if (!/^[1-9]\d*$/.test(given)) throw new UsageError(`--${option} takes a count of evaluations such as 3; got "${given}"`);
    settings[key] = Number(given);
  }
  return settings;
}

/** `1%`, `0.5 %` or a fraction such as `0.01`. */
function rateOf(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(text.trim());
  const rate = match ? Number(match[1]) / (match[2] ? 100 : 1) : Number.NaN;
  if (!(rate >= 0 && rate <= 1)) throw new UsageError(`--error-rate takes a share of requests such as 1% or 0.01; got "${text}"`);
  return rate;
}

function instant(text: string, option: string): string {
  const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(at.getTime())) throw new UsageError(`${option} takes a time such as 2026-12-07T10:00:00Z or 2026-12-07; got "${text}"`);
  return at.toISOString();
}

const percent = (rate: number) => `${Math.round(rate * 10_000) / 100}%`;
const ms = (value: number | null) => (value === null ? '–' : `${Math.round(value * 10) / 10} ms`);

function duration(totalMs: number): string {
  const seconds = Math.round(totalMs / 1000);
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes}m` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
