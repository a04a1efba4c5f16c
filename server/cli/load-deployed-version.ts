import type { DeploymentMatrix } from '../registry/index.js';
import type { AccordClient } from './accord-client.js';
import { UsageError } from './cli-errors.js';

export interface DeployedVersion {
  version: string;
  /** Where the deployment says the version runs: a base URL or a broker address. */
  address?: string;
  /** The version's normalised document. */
  document: Record<string, unknown>;
}

/**
 * The version of a contract that a traffic tester checks traffic against: the one deployed in the
 * environment, or `version` when given (then the deployment, if any, still supplies the address).
 */
export async function loadDeployedVersion({ client, contract, environment, version }: { client: AccordClient; contract: string; environment: string; version?: string | undefined }): Promise<DeployedVersion> {
  const { body: matrix } = await client.request<DeploymentMatrix>('GET', '/deployments', { query: { contract } });
  if (!matrix.environments.some((e) => e.slug === environment)) {
    throw new UsageError(`environment "${environment}" does not exist; known: ${matrix.environments.map((e) => e.slug).join(', ') || 'none'}`);
  }
  const deployment = matrix.rows.find((r) => r.contract === contract)?.deployments[environment] ?? undefined;
  const chosen = version ?? deployment?.version;
  if (!chosen) throw new UsageError(`no version of "${contract}" is deployed in ${environment}; record one with accord deploy, or pass --version`);
  const path = `/contracts/${encodeURIComponent(contract)}/versions/${encodeURIComponent(chosen)}/document`;
  const { body: document } = await client.request<Record<string, unknown>>('GET', path);
  return { version: chosen, ...(deployment ? { address: deployment.address } : {}), document };
}
