import { UsageError } from '../cli-errors.js';
import { wrongArguments } from '../wrong-arguments.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';
import { recordDeployment } from '../record-deployment.js';

export const deployHelp = `accord deploy <contract> <version> --env <environment> --address <url> [--server URL] [--json]

Records that a version of a contract now runs in an environment, at a base URL or broker address.
Traffic testing, accord diff <contract>@env:<environment> and the deployment matrix (accord ls
deployments) read it. The version must be published and the environment must exist. A pipeline
records its deployments with accord deployed, which keeps the address the environment has.`;

export async function deploy(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...clientOptions, env: { type: 'string' }, address: { type: 'string' } });
  if (values.help) return void console.log(deployHelp), 0;
  const [contract, version, ...extra] = positionals;
  if (!contract || !version || extra.length > 0) throw wrongArguments(deployHelp, { missing: contract ? 'the version' : 'the contract and the version', extra });
  if (!values.env) throw new UsageError('--env is required, e.g. --env prod (accord ls environments lists them)');
  if (!values.address) throw new UsageError('--address is required: the base URL or broker the version is served at');
  return recordDeployment(clientFrom(values), { contract, version, environment: values.env, address: values.address }, values.json);
}
