import { count, desc, eq, max } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { contracts, deployments, environments, systems, versions } from '../registry/index.js';

/** What runs where: the latest deployment of each contract in each environment, with its version's document. */
export interface DeployedContract {
  contract: string;
  environment: string;
  version: string;
  teamId: string;
  kind: 'openapi' | 'asyncapi';
  /** Base URL of an HTTP API or address of a broker, as recorded. */
  address: string;
  /** Operation keys of the version's index. */
  operations: string[];
  document: unknown;
}

export async function loadDeployedContracts(db: Db): Promise<DeployedContract[]> {
  const rows = await db
    .selectDistinctOn([deployments.contractId, deployments.environmentId], {
      contract: contracts.slug,
      environment: environments.slug,
      version: versions.version,
      teamId: systems.teamId,
      kind: versions.specKind,
      address: deployments.address,
      operations: versions.operations,
      document: versions.document,
    })
    .from(deployments)
    .innerJoin(contracts, eq(contracts.id, deployments.contractId))
    .innerJoin(systems, eq(systems.id, contracts.systemId))
    .innerJoin(environments, eq(environments.id, deployments.environmentId))
    .innerJoin(versions, eq(versions.id, deployments.versionId))
    .orderBy(deployments.contractId, deployments.environmentId, desc(deployments.deployedAt), desc(deployments.id));
  return rows.map((r) => ({ ...r, operations: (r.operations as { key: string }[]).map((o) => o.key) }));
}

/**
 * Changes whenever a deployment is recorded. Deployments are only ever added and a version never
 * changes once published, so the set of deployments names everything the mapping depends on; one
 * small query per batch keeps every registry process behind a load balancer up to date, where an
 * in-process notification would reach only the process that recorded the deployment.
 */
export async function deploymentsFingerprint(db: Db): Promise<string> {
  const [row] = await db.select({ n: count(), last: max(deployments.deployedAt) }).from(deployments);
  return `${row?.n ?? 0}:${String(row?.last ?? '')}`;
}
