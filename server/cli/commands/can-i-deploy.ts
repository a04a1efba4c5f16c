import type { CanIDeploy } from '../../registry/index.js';
import { UsageError } from '../cli-errors.js';
import { wrongArguments } from '../wrong-arguments.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';

export const canIDeployHelp = `accord can-i-deploy --contract <slug> --version <v> --to <environment>
accord can-i-deploy --system <slug> --to <environment>
                    [--server URL] [--json]

Asks Accord whether a deployment keeps every affected party compatible, from what is deployed in
the environment, the approved subscriptions and the traffic observed there, and prints why.

As a provider (--contract, --version): does the change from the version running in the environment
to this one break any consumer that subscribes to or was seen calling what it changes?
As a consumer about to ship (--system): do the contract versions deployed in the environment offer
every operation the system subscribes to or calls, within the ranges it subscribes to?

Exit codes: 0 yes, 1 no, 2 cannot tell (a version not published, a contract not deployed there),
3 server unreachable.`;

const EXIT_OF = { yes: 0, no: 1, unknown: 2 } as const;

export async function canIDeploy(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...clientOptions, contract: { type: 'string' }, version: { type: 'string' }, system: { type: 'string' }, to: { type: 'string' } });
  if (values.help) return void console.log(canIDeployHelp), 0;
  if (positionals.length > 0) throw wrongArguments(canIDeployHelp, { extra: positionals });
  if (!values.to) throw new UsageError('--to is required: the environment to deploy to, e.g. --to prod');
  if (values.system !== undefined && (values.contract !== undefined || values.version !== undefined)) throw new UsageError('ask either as a consumer (--system) or as a provider (--contract and --version), not both');
  if (values.system === undefined && (!values.contract || !values.version)) throw new UsageError(`give --contract and --version (a provider), or --system (a consumer)\n\n${canIDeployHelp}`);
  const question = values.system !== undefined ? { system: values.system, environment: values.to } : { contract: values.contract, version: values.version, environment: values.to };
  const { body } = await clientFrom(values).request<CanIDeploy>('POST', '/can-i-deploy', { body: question });
  if (values.json) console.log(JSON.stringify(body));
  else {
    const subject = values.system !== undefined ? `${values.system} to ${body.environment}` : `${values.contract} ${values.version} to ${body.environment}`;
    console.log(`${body.answer === 'yes' ? 'Yes' : body.answer === 'no' ? 'No' : 'Cannot tell'}: deploying ${subject}`);
    for (const r of body.reasons) console.log(`  ${r.answer === 'yes' ? '✓' : r.answer === 'no' ? '✗' : '?'} ${r.message}`);
  }
  return EXIT_OF[body.answer];
}
