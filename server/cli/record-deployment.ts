import type { Deployment } from '../registry/index.js';
import type { AccordClient } from './accord-client.js';

/** Records a deployment and prints it: what `accord deploy` and its pipeline form `accord deployed` share. */
export async function recordDeployment(client: AccordClient, { contract, version, environment, address }: { contract: string; version: string; environment: string; address?: string }, json: boolean): Promise<number> {
  const { body } = await client.request<Deployment>('POST', `/contracts/${encodeURIComponent(contract)}/deployments`, { body: { environment, version, ...(address !== undefined && { address }) } });
  if (json) return void console.log(JSON.stringify(body)), 0;
  console.log(`${body.contract} ${body.version} deployed to ${body.environment} at ${body.address}`);
  return 0;
}
