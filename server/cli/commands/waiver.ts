import type { Page, Waiver } from '../../registry/index.js';
import { UsageError } from '../cli-errors.js';
import { wrongArguments } from '../wrong-arguments.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';
import { printTable } from '../print-table.js';

export const waiverHelp = `accord waiver request <contract> --reason <text> --expires <date>
                      (--check <id> --fingerprint <fp> | --rule <id> [--operation <key> …] [--pointer <ptr>])
             approve <waiver-id> | revoke <waiver-id>
             ls <contract> [--state requested|active|expired|revoked]
             [--server URL] [--json]

A waiver excuses one finding of one contract until it expires: still reported, marked waived, but
no longer failing checks or blocking publishes. Name the finding by the check that reported it and
its fingerprint (both printed by accord check --format json), or by rule and operations. Waivers
are requested, then approved; an expired one stops applying on the next check.`;

export async function waiver(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...clientOptions,
    reason: { type: 'string' },
    expires: { type: 'string' },
    check: { type: 'string' },
    fingerprint: { type: 'string' },
    rule: { type: 'string' },
    operation: { type: 'string', multiple: true },
    pointer: { type: 'string' },
    state: { type: 'string' },
  });
  if (values.help) return void console.log(waiverHelp), 0;
  const [action, target, ...extra] = positionals;
  if (!action || !target || extra.length > 0) throw wrongArguments(waiverHelp, { missing: action ? (action === 'request' || action === 'ls' ? 'the contract' : 'the waiver id') : 'the action and what it applies to', extra });
  const client = clientFrom(values);
  const show = (w: Waiver) => (values.json ? console.log(JSON.stringify(w)) : console.log(`${w.id}  ${w.state}  ${w.rule}  until ${new Date(w.expiresAt).toISOString().slice(0, 10)}  ${w.message}`));

  switch (action) {
    case 'request': {
      if (!values.reason) throw new UsageError('--reason is required: say why the finding may stand');
      if (!values.expires) throw new UsageError('--expires is required, e.g. --expires 2027-03-31');
      const expiresAt = new Date(/^\d{4}-\d{2}-\d{2}$/.test(values.expires) ? `${values.expires}T23:59:59Z` : values.expires);
      if (Number.isNaN(expiresAt.getTime())) throw new UsageError(`--expires ${values.expires} is not a date like 2027-03-31`);
      const finding = values.check || values.fingerprint ? { check: values.check, fingerprint: values.fingerprint } : { rule: values.rule, operations: values.operation ?? [], pointer: values.pointer };
      const { body } = await client.request<Waiver>('POST', `/contracts/${encodeURIComponent(target)}/waivers`, { body: { reason: values.reason, expiresAt: expiresAt.toISOString(), ...finding } });
      show(body);
      return 0;
    }
    case 'approve':
    case 'revoke': {
      const { body } = await client.request<Waiver>('POST', `/waivers/${encodeURIComponent(target)}/${action}`);
      show(body);
      return 0;
    }
    case 'ls': {
      const { body } = await client.request<Page<Waiver>>('GET', `/contracts/${encodeURIComponent(target)}/waivers`, { query: { state: values.state, limit: 200 } });
      if (values.json) return void console.log(JSON.stringify(body.items)), 0;
      printTable(['id', 'state', 'rule', 'expires', 'requested by', 'decided by', 'reason'], body.items.map((w) => [w.id, w.state, w.rule, new Date(w.expiresAt).toISOString().slice(0, 10), w.requestedBy, w.decidedBy, w.reason]));
      return 0;
    }
    default:
      throw new UsageError(`unknown waiver action "${action}"\n\n${waiverHelp}`);
  }
}
