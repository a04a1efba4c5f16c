import type { Version } from '../../registry/index.js';
import { UsageError } from '../cli-errors.js';
import { wrongArguments } from '../wrong-arguments.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';

export const getHelp = `accord get contract <slug> | version <contract> [version|latest] [--source|--document]
          | team <slug> | system <slug> | subscription <id> | environment <slug>
          [--server URL] [--json]

Shows one resource. For a version, --source prints the document as published and --document its
normalised JSON.`;

const paths: Record<string, (id: string) => string> = {
  contract: (id) => `/contracts/${encodeURIComponent(id)}`,
  team: (id) => `/teams/${encodeURIComponent(id)}`,
  system: (id) => `/systems/${encodeURIComponent(id)}`,
  subscription: (id) => `/subscriptions/${encodeURIComponent(id)}`,
  environment: (id) => `/environments/${encodeURIComponent(id)}`,
};

export async function get(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...clientOptions, source: { type: 'boolean', default: false }, document: { type: 'boolean', default: false } });
  if (values.help) return void console.log(getHelp), 0;
  const [what, id, version = 'latest'] = positionals;
  if (!what || !id) throw wrongArguments(getHelp, { missing: what ? `the ${what} to get` : 'what to get and its name' });
  const client = clientFrom(values);

  if (what === 'version') {
    const { body } = await client.request<Version>('GET', `/contracts/${encodeURIComponent(id)}/versions/${encodeURIComponent(version)}`);
    if (values.source) return void process.stdout.write(body.source.endsWith('\n') ? body.source : body.source + '\n'), 0;
    if (values.document) return void console.log(JSON.stringify(body.document, null, 2)), 0;
    const { document: _document, source: _source, ...meta } = body;
    if (values.json) return void console.log(JSON.stringify(meta)), 0;
    console.log(`${meta.contract} ${meta.version}  ${meta.title}  (${meta.specKind} ${meta.specVersion})`);
    console.log(`published ${new Date(meta.publishedAt).toISOString()} by ${meta.publishedBy}, ${meta.sizeBytes} bytes, ${meta.contentHash}`);
    if (meta.deprecatedAt !== null) console.log(`deprecated${meta.sunsetAt === null ? '' : `, sunset ${new Date(meta.sunsetAt).toISOString().slice(0, 10)}`}${meta.deprecationNote ? `: ${meta.deprecationNote}` : ''}`);
    for (const op of meta.operations) console.log(`  ${op.key}${op.summary ? `  — ${op.summary}` : ''}${op.deprecated ? '  (deprecated)' : ''}`);
    return 0;
  }
  const path = paths[what];
  if (!path) throw new UsageError(`cannot get "${what}"\n\n${getHelp}`);
  const { body } = await client.request<Record<string, unknown>>('GET', path(id));
  if (values.json) console.log(JSON.stringify(body));
  else for (const [key, value] of Object.entries(body)) console.log(`${key}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? '')}`);
  return 0;
}
