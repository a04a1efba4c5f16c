import { readFile } from 'node:fs/promises';
import type { Page, Ruleset, RulesetAssignment, RulesetSummary } from '../../registry/index.js';
import { UsageError } from '../cli-errors.js';
import { wrongArguments } from '../wrong-arguments.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';
import { printTable } from '../print-table.js';

export const rulesetHelp = `accord ruleset ls
               get <name> [--version N]
               save <file> --name <name> [--description <text>]
               versions <name>
               assign <name> --scope global|domain|team|contract [--target <slug>] [--lifecycle draft|active|deprecated]
               unassign <assignment-id>
               assignments [--scope S] [--target T] [--ruleset <name>]
               [--server URL] [--json]

Policy rulesets (Spectral YAML or JSON) stored in the registry by name, each save a new version,
and assigned to where they apply: the whole installation, a domain, a team or one contract,
optionally only at one lifecycle stage. The most specific assignment wins. get prints the
ruleset's text; accord lint --ruleset <name> uses a stored ruleset.`;

const day = (at: Date | string | null) => (at === null ? '' : new Date(at).toISOString().slice(0, 10));

export async function ruleset(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...clientOptions,
    version: { type: 'string' },
    name: { type: 'string' },
    description: { type: 'string' },
    scope: { type: 'string' },
    target: { type: 'string' },
    lifecycle: { type: 'string' },
    ruleset: { type: 'string' },
  });
  if (values.help) return void console.log(rulesetHelp), 0;
  const [action, target, ...extra] = positionals;
  if (!action || extra.length > 0) throw wrongArguments(rulesetHelp, { missing: 'the action: ls, get, save, versions, assign, unassign or assignments', extra });
  const needs = (what: string) => {
    if (!target) throw new UsageError(`missing ${what.split(' ')[0]}: accord ruleset ${action} ${what}`);
    return target;
  };
  const client = clientFrom(values);
  const printSummaries = (items: RulesetSummary[]) =>
    values.json ? console.log(JSON.stringify(items)) : printTable(['name', 'version', 'shipped', 'saved', 'by', 'description'], items.map((r) => [r.name, r.version, r.shipped ? 'yes' : '', day(r.createdAt), r.createdBy, r.description]));
  const printAssignment = (a: RulesetAssignment, verb: string) =>
    values.json ? console.log(JSON.stringify(a)) : console.log(`${verb} ${a.ruleset} ${a.scope === 'global' ? 'globally' : `to ${a.scope} ${a.target}`}${a.lifecycle === null ? '' : ` while ${a.lifecycle}`} (${a.id})`);

  switch (action) {
    case 'ls':
      printSummaries((await client.request<{ items: RulesetSummary[] }>('GET', '/rulesets')).body.items);
      return 0;
    case 'get': {
      const name = needs('<name> [--version N]');
      if (values.version !== undefined && !/^[1-9]\d*$/.test(values.version)) throw new UsageError(`--version must be a ruleset version number, not "${values.version}"`);
      const { body } = await client.request<Ruleset>('GET', `/rulesets/${encodeURIComponent(name)}`, { query: { version: values.version } });
      if (values.json) return void console.log(JSON.stringify(body)), 0;
      process.stdout.write(body.text.endsWith('\n') ? body.text : body.text + '\n');
      return 0;
    }
    case 'save': {
      const file = needs('<file> --name <name>');
      if (!values.name) throw new UsageError('--name is required: the name the ruleset is stored and assigned under, e.g. --name banking-integration');
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
      const { status, body } = await client.request<Ruleset>('POST', '/rulesets', { body: { name: values.name, text, ...(values.description !== undefined && { description: values.description }) } });
      if (values.json) return void console.log(JSON.stringify(body)), 0;
      console.log(status === 201 ? `saved ruleset ${body.name} version ${body.version}` : `ruleset ${body.name} version ${body.version} already has this text`);
      return 0;
    }
    case 'versions':
      printSummaries((await client.request<{ items: RulesetSummary[] }>('GET', `/rulesets/${encodeURIComponent(needs('<name>'))}/versions`)).body.items);
      return 0;
    case 'assign': {
      const name = needs('<name> --scope global|domain|team|contract [--target <slug>]');
      if (!values.scope) throw new UsageError('--scope is required: global, domain, team or contract');
      const body = { ruleset: name, scope: values.scope, ...(values.target !== undefined && { target: values.target }), ...(values.lifecycle !== undefined && { lifecycle: values.lifecycle }) };
      const { status, body: assignment } = await client.request<RulesetAssignment>('POST', '/ruleset-assignments', { body });
      printAssignment(assignment, status === 201 ? 'assigned' : 'now assigns');
      return 0;
    }
    case 'unassign':
      printAssignment((await client.request<RulesetAssignment>('POST', `/ruleset-assignments/${encodeURIComponent(needs('<assignment-id>'))}/remove`)).body, 'no longer assigned:');
      return 0;
    case 'assignments': {
      if (target !== undefined) throw new UsageError(`accord ruleset assignments takes --scope, --target and --ruleset, not "${target}"`);
      const items: RulesetAssignment[] = [];
      let cursor: string | undefined;
      do {
        const { body } = await client.request<Page<RulesetAssignment>>('GET', '/ruleset-assignments', { query: { scope: values.scope, target: values.target, ruleset: values.ruleset, cursor } });
        items.push(...body.items);
        cursor = body.nextCursor ?? undefined;
      } while (cursor);
      if (values.json) return void console.log(JSON.stringify(items)), 0;
      printTable(['id', 'ruleset', 'scope', 'target', 'lifecycle', 'by'], items.map((a) => [a.id, a.ruleset, a.scope, a.target, a.lifecycle ?? 'any', a.createdBy]));
      return 0;
    }
    default:
      throw new UsageError(`unknown ruleset action "${action}"\n\n${rulesetHelp}`);
  }
}
