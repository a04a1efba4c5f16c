import type { ApiKey } from '../../auth/index.js';
import { UsageError } from '../cli-errors.js';
import { wrongArguments } from '../wrong-arguments.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';
import { printTable } from '../print-table.js';

export const keyHelp = `accord key create --name <name> [--team <team>] --scope <scope> [--scope <scope> …] [--expires <date>]
           ls --team <team> [--include-revoked]
           revoke <key-id>
           [--server URL] [--json]

API keys let pipelines and traffic testers call Accord as ACCORD_TOKEN. A key acts for one team
with the scopes it is given (contracts:publish, checks:run, …; the server names the ones it
knows), never more than its creator may grant; without --team it is an installation key, which
only an administrator may create. create prints the key itself on stdout, and only this once:
ACCORD_TOKEN=$(accord key create --name ci --team store-platform --scope contracts:publish).`;

const day = (at: Date | string | null) => (at === null ? '' : new Date(at).toISOString().slice(0, 10));

export async function key(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...clientOptions,
    name: { type: 'string' },
    team: { type: 'string' },
    scope: { type: 'string', multiple: true },
    expires: { type: 'string' },
    'include-revoked': { type: 'boolean', default: false },
  });
  if (values.help) return void console.log(keyHelp), 0;
  const [action, target, ...extra] = positionals;
  if (!action || extra.length > 0) throw wrongArguments(keyHelp, { missing: 'the action: create, ls or revoke', extra });
  const client = clientFrom(values);
  switch (action) {
    case 'create': {
      if (target !== undefined) throw new UsageError(`accord key create takes --name, not "${target}"`);
      if (!values.name) throw new UsageError('--name is required: say what the key is for, e.g. --name ci-publish');
      if (!values.scope?.length) throw new UsageError('give the key at least one --scope, e.g. --scope contracts:publish');
      let expiresAt: string | undefined;
      if (values.expires !== undefined) {
        const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(values.expires) ? `${values.expires}T23:59:59Z` : values.expires);
        if (Number.isNaN(at.getTime())) throw new UsageError(`--expires ${values.expires} is not a date like 2027-03-31`);
        expiresAt = at.toISOString();
      }
      // Scopes are checked by the server, which knows the ones this installation has.
      const body = { name: values.name, scopes: values.scope, ...(values.team !== undefined && { team: values.team }), ...(expiresAt && { expiresAt }) };
      const { body: created } = await client.request<ApiKey & { key: string }>('POST', '/api-keys', { body });
      if (values.json) return void console.log(JSON.stringify(created)), 0;
      console.log(created.key);
      console.error(`created API key ${created.id} "${created.name}" ${created.team === null ? 'for the installation' : `for team ${created.team}`} with ${created.scopes.join(', ')}${created.expiresAt ? `, expiring ${day(created.expiresAt)}` : ''}; the key is shown this once`);
      return 0;
    }
    case 'ls': {
      if (target !== undefined) throw new UsageError(`accord key ls takes --team, not "${target}"`);
      if (!values.team) throw new UsageError('--team is required: keys are listed per team');
      const { body } = await client.request<{ items: ApiKey[] }>('GET', `/teams/${encodeURIComponent(values.team)}/api-keys`, { query: { includeRevoked: values['include-revoked'] ? 'true' : undefined } });
      if (values.json) return void console.log(JSON.stringify(body.items)), 0;
      printTable(['id', 'name', 'prefix', 'scopes', 'created by', 'expires', 'last used', 'revoked'], body.items.map((k) => [k.id, k.name, k.prefix, k.scopes.join(','), k.createdBy, day(k.expiresAt), day(k.lastUsedAt), day(k.revokedAt)]));
      return 0;
    }
    case 'revoke': {
      if (!target) throw new UsageError('name the key to revoke: accord key revoke <key-id> (accord key ls --team <team> lists the ids)');
      const { body } = await client.request<ApiKey>('POST', `/api-keys/${encodeURIComponent(target)}/revoke`);
      if (values.json) return void console.log(JSON.stringify(body)), 0;
      console.log(`revoked API key ${body.id} "${body.name}"`);
      return 0;
    }
    default:
      throw new UsageError(`unknown key action "${action}"\n\n${keyHelp}`);
  }
}
