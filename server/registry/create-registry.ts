import type { Actor } from '../shared/index.js';
import { createAuditLog } from '../audit/index.js';
import { createChangelog } from './changelog.js';
import { createChecks } from './checks.js';
import { createContracts } from './contracts.js';
import { createDeployments } from './deployments.js';
import { createDeprecations } from './deprecations.js';
import { createEnvironments } from './environments.js';
import { createGovernance } from './governance.js';
import { createLandscape } from './landscape.js';
import { createRegistryEventLog } from './registry-event-log.js';
import { createComparisons } from './compare-versions.js';
import { publishVersion, type PublishInput } from './publish-version.js';
import type { PolicyRulesetOf } from './check-against-published.js';
import type { RegistryDeps } from './registry-types.js';
import { createSubscriptions } from './subscriptions.js';
import { createSystems } from './systems.js';
import { createRulesets } from './rulesets.js';
import { createTeams } from './teams.js';
import { createUsage } from './usage.js';
import { createCanIDeploy } from './can-i-deploy.js';
import { createWaivers } from './waivers.js';
import { createVersions } from './versions.js';

/** The registry's services over one database; the edges (HTTP, GraphQL, CLI) only ever call these. */
export function createRegistry(deps: RegistryDeps) {
  const versions = createVersions(deps);
  const environments = createEnvironments(deps);
  const rulesets = createRulesets(deps);
  // Publishes and checks lint with the ruleset assigned to the contract, at its latest version.
  const policyRulesetOf: PolicyRulesetOf = async (contract) => {
    const effective = await rulesets.effectiveFor(contract);
    return { name: effective.version === null ? effective.ruleset : `${effective.ruleset}@${effective.version}`, text: effective.text };
  };
  const contracts = createContracts(deps);
  const changelog = createChangelog(deps);
  const comparisons = createComparisons({ ...deps, contracts, versions, changelog });
  return {
    teams: createTeams(deps),
    systems: createSystems(deps),
    contracts,
    versions: { ...versions, publish: (input: PublishInput, actor: Actor) => publishVersion({ ...deps, versions, policyRulesetOf }, input, actor) },
    checks: createChecks({ ...deps, policyRulesetOf }),
    waivers: createWaivers(deps),
    rulesets,
    governance: createGovernance({ ...deps, rulesets }),
    changelog,
    comparisons,
    canIDeploy: createCanIDeploy({ ...deps, comparisons }),
    subscriptions: createSubscriptions(deps),
    environments,
    deployments: createDeployments({ ...deps, environments }),
    audit: createAuditLog(deps),
    deprecations: createDeprecations(deps),
    landscape: createLandscape(deps),
    usage: createUsage(deps),
    /** Registry events as recorded, for live followers on any instance. */
    events: createRegistryEventLog(deps),
  };
}

export type Registry = ReturnType<typeof createRegistry>;
