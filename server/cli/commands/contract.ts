import type { Contract } from '../../registry/index.js';
import { UsageError } from '../cli-errors.js';
import { wrongArguments } from '../wrong-arguments.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';
import { readLevelOverrides } from '../read-level-overrides.js';
import { deprecate } from './deprecate.js';

export const contractHelp = `accord contract create <slug> --name <name> --system <system> [--kind openapi|asyncapi]
                        [--mode <compatibility mode>] [--lifecycle draft|active] [--description <text>]
                        [--tag <tag> …] [--level <rule-id>=error|warn|info|off …] [--validity full|syntax|none]
                 update <slug> [--name <name>] [--system <system>] [--lifecycle draft|active|deprecated|retired]
                        [--mode <compatibility mode>] [--description <text>] [--tag <tag> …] [--level <rule-id>=… …]
                        [--validity full|syntax|none]
                 deprecate <slug> --sunset <date> [--note <text>]   (the same as accord deprecate)
                 [--server URL] [--json]

Registers a contract a system provides, before its first version is published, or changes one.
The kind is taken from the first published document when not given. --mode sets the compatibility
mode (BACKWARD by default, FORWARD, FULL, their _TRANSITIVE forms, NONE); --level changes a rule's
level for this contract only. --validity sets how strictly versions must follow their
specification's schema: full refuses a document with a schema error (the default unless the
server sets ACCORD_VALIDITY), syntax accepts it and reports each error as a document-schema-error
warning, none does not look. --tag replaces the tags on update.`;

export async function contract(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  if (action === 'deprecate') return deprecate(rest);
  const { values, positionals } = parseCommandArgs(argv, {
    ...clientOptions,
    name: { type: 'string' },
    system: { type: 'string' },
    kind: { type: 'string' },
    mode: { type: 'string' },
    lifecycle: { type: 'string' },
    description: { type: 'string' },
    tag: { type: 'string', multiple: true },
    level: { type: 'string', multiple: true },
    validity: { type: 'string' },
  });
  if (values.help) return void console.log(contractHelp), 0;
  const [, slug, ...extra] = positionals;
  if (!slug || extra.length > 0) throw wrongArguments(contractHelp, { missing: 'the slug of the contract', extra });
  // Unknown modes, kinds and lifecycles are named by the server, which knows the current list.
  const fields = {
    ...(values.name !== undefined && { name: values.name }),
    ...(values.system !== undefined && { system: values.system }),
    ...(values.lifecycle !== undefined && { lifecycle: values.lifecycle }),
    ...(values.mode !== undefined && { compatibilityMode: values.mode.toUpperCase() }),
    ...(values.description !== undefined && { description: values.description }),
    ...(values.tag !== undefined && { tags: values.tag }),
    ...(values.level !== undefined && { ruleLevels: readLevelOverrides(values.level) }),
    ...(values.validity !== undefined && { validity: values.validity }),
  };
  const client = clientFrom(values);
  let saved: Contract;
  switch (action) {
    case 'create': {
      if (!values.name) throw new UsageError('--name is required, e.g. --name "Orders API"');
      if (!values.system) throw new UsageError('--system is required: the slug of the system that provides the contract');
      saved = (await client.request<Contract>('POST', '/contracts', { body: { slug, ...fields, ...(values.kind !== undefined && { kind: values.kind }) } })).body;
      break;
    }
    case 'update': {
      if (values.kind !== undefined) throw new UsageError('the kind of a contract follows its documents and cannot be changed');
      if (Object.keys(fields).length === 0) throw new UsageError('nothing to change: give at least one of --name, --system, --lifecycle, --mode, --description, --tag, --level, --validity');
      saved = (await client.request<Contract>('PATCH', `/contracts/${encodeURIComponent(slug)}`, { body: fields })).body;
      break;
    }
    default:
      throw new UsageError(`unknown contract action "${action ?? ''}"\n\n${contractHelp}`);
  }
  if (values.json) return void console.log(JSON.stringify(saved)), 0;
  console.log(`${action === 'create' ? 'created' : 'updated'} contract ${saved.slug}  ${saved.lifecycle}  ${saved.compatibilityMode}  validity ${saved.validity}  system ${saved.system} (team ${saved.team})`);
  return 0;
}
