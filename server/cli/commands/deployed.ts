import { UsageError } from '../cli-errors.js';
import { wrongArguments } from '../wrong-arguments.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';
import { recordDeployment } from '../record-deployment.js';

export const deployedHelp = `accord deployed --contract <slug> --version <v> --env <environment> [--address <url>]
                [--server URL] [--json]

Records, from a deployment pipeline, that a version of a contract now runs in an environment: the
last step of a deploy job, after accord can-i-deploy said yes. The address may be left out when the
contract already runs in the environment (it stays what it was); the first deployment there needs it.`;

export async function deployed(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...clientOptions, contract: { type: 'string' }, version: { type: 'string' }, env: { type: 'string' }, address: { type: 'string' } });
  if (values.help) return void console.log(deployedHelp), 0;
  if (positionals.length > 0) throw wrongArguments(deployedHelp, { extra: positionals });
  if (!values.contract || !values.version) throw new UsageError(`--contract and --version are required\n\n${deployedHelp}`);
  if (!values.env) throw new UsageError('--env is required, e.g. --env prod (accord ls environments lists them)');
  return recordDeployment(clientFrom(values), { contract: values.contract, version: values.version, environment: values.env, address: values.address }, values.json);
}
