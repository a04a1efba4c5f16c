import type { AuditVerification, BrokenLink, RecordedAuditEvent } from '../../audit/index.js';
import type { Page } from '../../registry/index.js';
import { EXIT, UsageError } from '../cli-errors.js';
import { wrongArguments } from '../wrong-arguments.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';
import { printTable } from '../print-table.js';

export const auditHelp = `accord audit verify [--format text|json]
             ls [--target type[:id]] [--actor user:<id>|api-key:<id>|…] [--action A]
                [--since T] [--until T] [--seq N] [--limit N] [--all] [--format text|json]
             [--server URL] [--json]

Reads Accord's audit log: every change of state, who made it and when, each event carrying the
hash of the one before it. Both need an administrator's token (ACCORD_TOKEN).

verify recomputes the whole chain on the server and prints its head (seq and hash: keep a copy
elsewhere to notice a rewrite of the whole chain) or the first event where it breaks and why.
Exit codes: 0 intact, 1 broken or refused by the server, 2 usage error, 3 server unreachable.

ls lists events newest first. --target contract:orders-api names one target, --target contract
every target of a kind. --since and --until take a date (2026-03-31: --until includes that day)
or a timestamp with offset (2026-03-31T12:00:00Z); --since is inclusive, --until exclusive.
--seq N shows the event at that place in the chain, to compare with a head kept elsewhere.
--all follows every page.`;

const FORMATS = ['text', 'json'] as const;

export async function audit(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...clientOptions,
    format: { type: 'string', default: 'text' },
    target: { type: 'string' },
    actor: { type: 'string' },
    action: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    seq: { type: 'string' },
    limit: { type: 'string' },
    all: { type: 'boolean', default: false },
  });
  if (values.help) return void console.log(auditHelp), EXIT.ok;
  const format = values.json ? 'json' : values.format;
  if (!FORMATS.includes(format as (typeof FORMATS)[number])) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const [action, ...extra] = positionals;
  if (!action || extra.length > 0) throw wrongArguments(auditHelp, { missing: 'the action: verify or ls', extra });

  switch (action) {
    case 'verify': {
      const { body } = await clientFrom(values).request<AuditVerification>('GET', '/audit/verify');
      console.log(format === 'json' ? JSON.stringify(body) : describeVerification(body));
      return body.ok ? EXIT.ok : EXIT.rejected;
    }
    case 'ls': {
      for (const flag of ['limit', 'seq'] as const) {
        const value = values[flag];
        if (value !== undefined && !/^[1-9]\d*$/.test(value)) throw new UsageError(`--${flag} must be a positive whole number, not "${value}"`);
      }
      const [targetType, ...idParts] = values.target?.split(':') ?? [];
      if (values.target !== undefined && !targetType) throw new UsageError('--target takes type:id, e.g. contract:orders-api, or a type alone');
      const query = {
        targetType,
        targetId: idParts.length > 0 ? idParts.join(':') : undefined,
        actor: values.actor,
        action: values.action,
        from: values.since === undefined ? undefined : instant('--since', values.since, 'start'),
        to: values.until === undefined ? undefined : instant('--until', values.until, 'end'),
        seq: values.seq,
        limit: values.limit,
      };
      const client = clientFrom(values);
      const events: RecordedAuditEvent[] = [];
      let cursor: string | undefined;
      do {
        const { body } = await client.request<Page<RecordedAuditEvent>>('GET', '/audit', { query: { ...query, cursor } });
        events.push(...body.items);
        cursor = body.nextCursor ?? undefined;
      } while (values.all && cursor);
      if (format === 'json') return void console.log(JSON.stringify(events)), EXIT.ok;
      printTable(
        ['seq', 'at', 'actor', 'action', 'target', 'summary'],
        events.map((e) => [e.seq, new Date(e.at).toISOString(), e.actor, e.action, `${e.targetType}:${e.targetId}`, JSON.stringify(e.summary)]),
      );
      if (cursor) console.error('(more events: use --all or --limit)');
      return EXIT.ok;
    }
    default:
      throw new UsageError(`unknown audit action "${action}"\n\n${auditHelp}`);
  }
}

/** A date means a whole day in UTC: from its start for --since, up to the next day's for --until. */
function instant(flag: string, value: string, edge: 'start' | 'end'): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(day.getTime())) return new Date(day.getTime() + (edge === 'end' ? 86_400_000 : 0)).toISOString();
  } else if (/(Z|[+-]\d{2}:\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value))) {
    return new Date(value).toISOString();
  }
  throw new UsageError(`${flag} ${value} is neither a date like 2026-03-31 nor a timestamp with offset like 2026-03-31T12:00:00Z`);
}

function describeVerification(result: AuditVerification): string {
  if (result.ok) {
    if (!result.head) return 'the audit log is intact: no events yet';
    return `the audit log is intact: ${result.events} events\nhead: #${result.head.seq} ${result.head.hash} (${new Date(result.head.at).toISOString()})`;
  }
  const broken = result.firstBroken;
  return [`the audit log is broken at event #${broken.seq} (${broken.id}): ${broken.reason}`, `  ${explain(broken)}`, `  ${result.events} events before it verified`].join('\n');
}

function explain(broken: BrokenLink): string {
  switch (broken.reason) {
    case 'gap':
      return `event #${broken.expected} is missing: #${broken.found} comes where #${broken.expected} should`;
    case 'unsealed':
      return `it has no hash although the events before it have; chained, its hash would be ${broken.expected}`;
    case 'link-mismatch':
      return `it does not link to the event before it, which was rewritten (or this link was): expected prevHash ${broken.expected}, found ${broken.found}`;
    case 'hash-mismatch':
      return `its contents do not match its hash, so it was edited after it was written: expected ${broken.expected}, found ${broken.found}`;
  }
}
