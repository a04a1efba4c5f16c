import type { Deprecations } from '../../registry/index.js';
import { UsageError } from '../cli-errors.js';
import { wrongArguments } from '../wrong-arguments.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';
import { printTable } from '../print-table.js';

export const deprecateHelp = `accord deprecate <contract> --sunset <date> [--note <text>]
                 <contract> --version <version> --sunset <date> [--note <text>]
                 <contract> --operation <key> [--operation <key> …] --sunset <date> [--note <text>]
                 <contract> --operation <key> [--operation <key> …] --withdraw
                 [--server URL] [--json]

Announces that a contract, one version or single operations stop being served on the sunset date
(2027-03-31, or an ISO 8601 time), and tells the consumers subscribed to them. Operations are named
as versions list them ("GET /orders/{id}", "send stock.adjusted") or by operation id. From then on
the compatibility check refuses removing a deprecated operation before its sunset. A sunset may
move later, never earlier. --withdraw takes back operation deprecations. Prints what is
deprecated about the contract afterwards.`;

export async function deprecate(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...clientOptions,
    version: { type: 'string' },
    operation: { type: 'string', multiple: true },
    sunset: { type: 'string' },
    note: { type: 'string' },
    withdraw: { type: 'boolean', default: false },
  });
  if (values.help) return void console.log(deprecateHelp), 0;
  const [contract, ...extra] = positionals;
  if (!contract || extra.length > 0) throw wrongArguments(deprecateHelp, { missing: 'the contract', extra });
  const operations = values.operation ?? [];
  if (values.version !== undefined && operations.length > 0) throw new UsageError('deprecate either a --version or --operation(s), not both');
  const at = `/contracts/${encodeURIComponent(contract)}`;
  const client = clientFrom(values);

  let request: { path: string; body: object };
  if (values.withdraw) {
    if (operations.length === 0) throw new UsageError('--withdraw takes back operation deprecations: name them with --operation');
    request = { path: `${at}/operations/undeprecate`, body: { operations } };
  } else {
    if (!values.sunset) throw new UsageError('--sunset is required, e.g. --sunset 2027-03-31');
    const sunsetAt = new Date(/^\d{4}-\d{2}-\d{2}$/.test(values.sunset) ? `${values.sunset}T00:00:00Z` : values.sunset);
    if (Number.isNaN(sunsetAt.getTime())) throw new UsageError(`--sunset ${values.sunset} is not a date like 2027-03-31`);
    const body = { sunsetAt: sunsetAt.toISOString(), ...(values.note === undefined ? {} : { note: values.note }) };
    if (operations.length > 0) request = { path: `${at}/operations/deprecate`, body: { operations, ...body } };
    else if (values.version !== undefined) request = { path: `${at}/versions/${encodeURIComponent(values.version)}/deprecate`, body };
    else request = { path: `${at}/deprecate`, body };
  }
  const { body } = await client.request<Deprecations>('POST', request.path, { body: request.body });
  if (values.json) return void console.log(JSON.stringify(body)), 0;
  printDeprecations(body);
  return 0;
}

const day = (at: Date | string | null) => (at === null ? '' : new Date(at).toISOString().slice(0, 10));

function printDeprecations(d: Deprecations): void {
  console.log(`${d.contract}  ${d.lifecycle}${d.sunsetAt === null ? '' : `  sunset ${day(d.sunsetAt)}`}`);
  const rows = [...d.versions.map((v) => [`version ${v.version}`, day(v.sunsetAt), v.note]), ...d.operations.map((o) => [o.operation, day(o.sunsetAt), o.note])];
  if (rows.length > 0) printTable(['deprecated', 'sunset', 'note'], rows);
}
