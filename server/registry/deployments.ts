import { and, count, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/index.js';
import type { Db } from '../db/index.js';
import { InvalidInput, describeActor, newId, type Actor } from '../shared/index.js';
import { contractIdOf } from './contract-id-of.js';
import { ownerOfContract } from './owner-of.js';
import { latestVersionOf } from './contracts.js';
import { idCursor, readPageRequest, toPage } from './page.js';
import type { Deployment, DeploymentMatrix, Page, PageRequest, RegistryDeps } from './registry-types.js';
import type { Environments } from './environments.js';
import { contracts, deployments, environments, systems, teams, versions } from './registry.tables.js';

export interface DeploymentInput {
  contract: string;
  environment: string;
  /** A published version, or `latest`. */
  version: string;
  /**
   * Base URL of an HTTP API or address of a broker (`kafka://…`, `amqp://…`, `mqtt://…`). A pipeline
   * recording a new version where the contract already runs may leave it out: the address stays.
   */
  address?: string;
}

export interface MatrixFilter {
  contract?: string;
  team?: string;
  system?: string;
}

const columns = {
  id: deployments.id,
  contract: contracts.slug,
  environment: environments.slug,
  version: versions.version,
  address: deployments.address,
  deployedAt: deployments.deployedAt,
  deployedBy: deployments.deployedBy,
};

export function createDeployments({ db, clock, access, environments: envs }: RegistryDeps & { environments: Environments }) {
  const select = () =>
    db
      .select(columns)
      .from(deployments)
      .innerJoin(contracts, eq(contracts.id, deployments.contractId))
      .innerJoin(environments, eq(environments.id, deployments.environmentId))
      .innerJoin(versions, eq(versions.id, deployments.versionId));

  return {
    /** Records that a version now runs in an environment; earlier records stay as history. */
    async record(input: DeploymentInput, actor: Actor): Promise<Deployment> {
      return db.transaction(async (tx) => {
        const owner = await ownerOfContract(tx, input.contract);
        await access.assert(tx, actor, 'deployment.record', owner.teamId);
        const contract = { id: owner.contractId };
        const [environment] = await tx.select({ id: environments.id }).from(environments).where(eq(environments.slug, input.environment));
        if (!environment) throw new InvalidInput(`environment "${input.environment}" does not exist`, [{ pointer: '/environment', message: 'unknown environment' }], 'unknown-reference');
        const versionCondition =
          input.version === 'latest'
            ? sql`${versions.version} = ${latestVersionOf(sql`${contract.id}::uuid`)}`
            : eq(versions.version, input.version);
        const [version] = await tx.select({ id: versions.id, version: versions.version }).from(versions).where(and(eq(versions.contractId, contract.id), versionCondition));
        if (!version) throw new InvalidInput(`version ${input.version} of "${input.contract}" is not published`, [{ pointer: '/version', message: 'not published' }], 'unknown-reference');
        const address = input.address ?? (await currentAddress(tx, contract.id, environment.id));
        if (address === undefined) throw new InvalidInput(`"${input.contract}" has no deployment in ${input.environment} yet, so give the address it is served at`, [{ pointer: '/address', message: 'required for a first deployment in the environment' }]);
        const now = clock.now();
        const id = newId(now.getTime());
        await tx.insert(deployments).values({ id, contractId: contract.id, environmentId: environment.id, versionId: version.id, address, deployedAt: now, deployedBy: describeActor(actor) });
        await recordAuditEvent(tx, { actor, action: 'deployment.recorded', targetType: 'contract', targetId: input.contract, summary: { environment: input.environment, version: version.version, address }, at: now });
        return { id, contract: input.contract, environment: input.environment, version: version.version, address, deployedAt: now, deployedBy: describeActor(actor) };
      });
    },

    /** Deployment history of one contract, newest first. */
    async history(contract: string, page: PageRequest): Promise<Page<Deployment>> {
      const { limit, after } = readPageRequest(page, idCursor);
      const contractId = await contractIdOf(db, contract);
      const rows = await select()
        .where(and(eq(deployments.contractId, contractId), after === undefined ? undefined : lt(deployments.id, after)))
        .orderBy(desc(deployments.id))
        .limit(limit + 1);
      return toPage(rows, limit, (r) => r.id, (r) => r);
    },

    async count(contract: string): Promise<number> {
      const [row] = await db.select({ n: count() }).from(deployments).where(eq(deployments.contractId, await contractIdOf(db, contract)));
      return row!.n;
    },

    /** What runs where now: for each contract, the latest deployment in each environment. */
    async matrix(filter: MatrixFilter): Promise<DeploymentMatrix> {
      const envList = (await envs.list()).items;
      const where: (SQL | undefined)[] = [
        filter.contract ? eq(contracts.slug, filter.contract) : undefined,
        filter.system ? eq(systems.slug, filter.system) : undefined,
        filter.team ? eq(teams.slug, filter.team) : undefined,
      ];
      const current = await db
        .selectDistinctOn([deployments.contractId, deployments.environmentId], columns)
        .from(deployments)
        .innerJoin(contracts, eq(contracts.id, deployments.contractId))
        .innerJoin(systems, eq(systems.id, contracts.systemId))
        .innerJoin(teams, eq(teams.id, systems.teamId))
        .innerJoin(environments, eq(environments.id, deployments.environmentId))
        .innerJoin(versions, eq(versions.id, deployments.versionId))
        .where(and(...where))
        .orderBy(deployments.contractId, deployments.environmentId, desc(deployments.deployedAt), desc(deployments.id));
      const byContract = new Map<string, Record<string, Deployment | null>>();
      for (const d of current) {
        const row = byContract.get(d.contract) ?? Object.fromEntries(envList.map((e) => [e.slug, null]));
        row[d.environment] = d;
        byContract.set(d.contract, row);
      }
      const rows = [...byContract.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([contract, deployments]) => ({ contract, deployments }));
      return { environments: envList, rows };
    },
  };
}

async function currentAddress(tx: Db, contractId: string, environmentId: string): Promise<string | undefined> {
  const [row] = await tx.select({ address: deployments.address }).from(deployments).where(and(eq(deployments.contractId, contractId), eq(deployments.environmentId, environmentId))).orderBy(desc(deployments.deployedAt), desc(deployments.id)).limit(1);
  return row?.address;
}

export type Deployments = ReturnType<typeof createDeployments>;
