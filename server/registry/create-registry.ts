import type { Actor } from '../shared/index.js';
import { createChangelog } from './changelog.js';
import { createChecks } from './checks.js';
import { createContracts } from './contracts.js';
import { createDeployments } from './deployments.js';
import { createEnvironments } from './environments.js';
import { publishVersion, type PublishInput } from './publish-version.js';
import type { RegistryDeps } from './registry-types.js';
import { createSubscriptions } from './subscriptions.js';
import { createSystems } from './systems.js';
import { createTeams } from './teams.js';
import { createWaivers } from './waivers.js';
import { createVersions } from './versions.js';

/** The registry's services over one database; the edges (HTTP, GraphQL, CLI) only ever call these. */
export function createRegistry(deps: RegistryDeps) {
  const versions = createVersions(deps);
  const environments = createEnvironments(deps);
  return {
    teams: createTeams(deps),
    systems: createSystems(deps),
    contracts: createContracts(deps),
    versions: { ...versions, publish: (input: PublishInput, actor: Actor) => publishVersion({ ...deps, versions }, input, actor) },
    checks: createChecks(deps),
    waivers: createWaivers(deps),
    changelog: createChangelog(deps),
    subscriptions: createSubscriptions(deps),
    environments,
    deployments: createDeployments({ ...deps, environments }),
  };
}

export type Registry = ReturnType<typeof createRegistry>;
