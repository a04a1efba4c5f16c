import type { Gate } from '../auth/index.js';
import {
  apiKeyCreate,
  checkBody,
  contractCreate,
  contractPatch,
  deploymentCreate,
  deprecationCreate,
  exclusionCreate,
  exclusionWithdraw,
  environmentCreate,
  environmentPatch,
  membershipPut,
  personCreate,
  personPatch,
  operationDeprecationCreate,
  operationDeprecationWithdraw,
  publishBody,
  rulesetAssignmentCreate,
  rulesetCreate,
  subscriptionCreate,
  subscriptionDecision,
  systemCreate,
  systemPatch,
  teamCreate,
  teamPatch,
  usagePatch,
  validateInput,
  waiverCreate,
  webhookCreate,
} from '../http/index.js';
import type { WaiverRequest } from '../registry/index.js';
import { describeActor } from '../shared/index.js';
import { gated, present } from './gated.js';
import type { GraphqlContext } from './graphql-context.js';

type Input = { input: Record<string, unknown> };
type Slug = { slug: string; patch: Record<string, unknown> };
type Id = { id: string };

/**
 * A mutation for each REST write, behind the gate of its route (named beside each) and through
 * the same service call, so refusals, audit events and webhooks are the same whichever edge wrote.
 * Inputs are checked by the REST request shapes: both edges refuse the same values.
 */
const write = <Args>(gate: Gate, resolve: (args: Args, context: GraphqlContext) => unknown) => gated<Args>(gate, resolve);

export const mutationResolvers = {
  // POST /teams, PATCH /teams/{team}
  createTeam: write<Input>('admin', ({ input }, { services, actor }) => services.registry.teams.create(validateInput(teamCreate, present(input)), actor)),
  updateTeam: write<Slug>('team.manage', ({ slug, patch }, { services, actor }) => services.registry.teams.update(slug, validateInput(teamPatch, present(patch)), actor)),
  // POST /systems, PATCH /systems/{system}
  createSystem: write<Input>('team.manage', ({ input }, { services, actor }) => services.registry.systems.create(validateInput(systemCreate, present(input)), actor)),
  updateSystem: write<Slug>('team.manage', ({ slug, patch }, { services, actor }) => services.registry.systems.update(slug, validateInput(systemPatch, present(patch)), actor)),
  // POST /contracts, PATCH /contracts/{contract}
  createContract: write<Input>('contract.manage', ({ input }, { services, actor }) => services.registry.contracts.create(validateInput(contractCreate, present(input)), actor)),
  updateContract: write<Slug>('contract.manage', ({ slug, patch }, { services, actor }) => services.registry.contracts.update(slug, validateInput(contractPatch, present(patch)), actor)),

  // POST /contracts/{contract}/versions, counted against the same per-caller publish limit.
  publishVersion: write<Input>('contract.publish', ({ input: { contract, ...body } }, { services, actor, limits }) => {
    limits.publish.take('publishes', describeActor(actor));
    return services.registry.versions.publish({ contract: String(contract), ...validateInput(publishBody, present(body)) }, actor);
  }),
  // POST /contracts/{contract}/checks
  runCheck: write<Input>('check.run', ({ input: { contract, ...body } }, { services, actor }) => services.registry.checks.run({ contract: String(contract), ...validateInput(checkBody, present(body)) }, actor)),

  // POST /contracts/{contract}/deprecate, …/versions/{version}/deprecate, …/operations/deprecate, …/operations/undeprecate
  deprecateContract: write<Input>('contract.manage', ({ input: { contract, ...body } }, { services, actor }) =>
    services.registry.deprecations.deprecateContract({ ...validateInput(deprecationCreate, present(body)), contract: String(contract) }, actor),
  ),
  deprecateVersion: write<Input>('contract.manage', ({ input: { contract, version, ...body } }, { services, actor }) =>
    services.registry.deprecations.deprecateVersion({ ...validateInput(deprecationCreate, present(body)), contract: String(contract), version: String(version) }, actor),
  ),
  deprecateOperations: write<Input>('contract.manage', ({ input: { contract, ...body } }, { services, actor }) =>
    services.registry.deprecations.deprecateOperations({ ...validateInput(operationDeprecationCreate, present(body)), contract: String(contract) }, actor),
  ),
  undeprecateOperations: write<Input>('contract.manage', ({ input: { contract, ...body } }, { services, actor }) =>
    services.registry.deprecations.undeprecateOperations({ ...validateInput(operationDeprecationWithdraw, present(body)), contract: String(contract) }, actor),
  ),

  // POST /contracts/{contract}/subscriptions, /subscriptions/{subscription}/approve|reject|revoke
  requestSubscription: write<Input>('subscription.request', ({ input: { contract, ...body } }, { services, actor }) =>
    services.registry.subscriptions.request({ ...validateInput(subscriptionCreate, present(body)), contract: String(contract) }, actor),
  ),
  approveSubscription: write<Id & { note?: string | null }>('subscription.decide', ({ id, note }, { services, actor }) => services.registry.subscriptions.approve(id, actor, validateInput(subscriptionDecision, present({ note }))?.note)),
  rejectSubscription: write<Id & { note?: string | null }>('subscription.decide', ({ id, note }, { services, actor }) => services.registry.subscriptions.reject(id, actor, validateInput(subscriptionDecision, present({ note }))?.note)),
  // Either side may revoke; the registry decides which.
  revokeSubscription: write<Id & { note?: string | null }>('signed-in', ({ id, note }, { services, actor }) => services.registry.subscriptions.revoke(id, actor, validateInput(subscriptionDecision, present({ note }))?.note)),

  // POST /contracts/{contract}/waivers, /waivers/{waiver}/approve|revoke
  requestWaiver: write<Input>('waiver.request', ({ input: { contract, ...body } }, { services, actor }) => {
    const { check, fingerprint, rule, operations, pointer, ...rest } = validateInput(waiverCreate, present(body));
    const named = check !== undefined && fingerprint !== undefined ? { check, fingerprint } : { rule: rule!, operations: operations ?? [], ...(pointer !== undefined && { pointer }) };
    const request: WaiverRequest = { ...rest, ...named, contract: String(contract) };
    return services.registry.waivers.request(request, actor);
  }),
  approveWaiver: write<Id>('waiver.decide', ({ id }, { services, actor }) => services.registry.waivers.approve(id, actor)),
  revokeWaiver: write<Id>('waiver.decide', ({ id }, { services, actor }) => services.registry.waivers.revoke(id, actor)),

  // POST /environments, PATCH /environments/{environment}, POST /contracts/{contract}/deployments
  createEnvironment: write<Input>('admin', ({ input }, { services, actor }) => services.registry.environments.create(validateInput(environmentCreate, present(input)), actor)),
  updateEnvironment: write<Slug>('admin', ({ slug, patch }, { services, actor }) => services.registry.environments.update(slug, validateInput(environmentPatch, present(patch)), actor)),
  recordDeployment: write<Input>('deployment.record', ({ input: { contract, ...body } }, { services, actor }) =>
    services.registry.deployments.record({ ...validateInput(deploymentCreate, present(body)), contract: String(contract) }, actor),
  ),

  // PATCH /contracts/{contract}/usage/settings, POST /contracts/{contract}/usage/exclusions, …/withdraw
  configureUsage: write<{ contract: string; patch: Record<string, unknown> }>('contract.manage', ({ contract, patch }, { services, actor }) => {
    const { gating, ...rest } = present(patch) as Record<string, unknown>;
    return services.registry.usage.configure(contract, validateInput(usagePatch, { ...rest, ...(gating !== undefined && { gating: gating === 'usage_aware' ? 'usage-aware' : gating }) }), actor);
  }),
  excludeUsageConsumer: write<{ contract: string; consumer: string; reason: string }>('contract.manage', ({ contract, ...body }, { services, actor }) => services.registry.usage.exclude(contract, validateInput(exclusionCreate, body), actor)),
  includeUsageConsumer: write<{ contract: string; consumer: string }>('contract.manage', ({ contract, ...body }, { services, actor }) => services.registry.usage.include(contract, validateInput(exclusionWithdraw, body).consumer, actor)),

  // POST /rulesets, /ruleset-assignments, /ruleset-assignments/{assignment}/remove
  saveRuleset: write<Input>('admin', ({ input }, { services, actor }) => services.registry.rulesets.save(validateInput(rulesetCreate, present(input)), actor)),
  assignRuleset: write<Input>('admin', async ({ input }, { services, actor }) => (await services.registry.rulesets.assign(validateInput(rulesetAssignmentCreate, present(input)), actor)).assignment),
  unassignRuleset: write<Id>('admin', ({ id }, { services, actor }) => services.registry.rulesets.unassign(id, actor)),

  // POST /teams/{team}/members, /teams/{team}/members/{user}/remove
  // POST /users, PATCH /users/{user}
  createPerson: write<Input>('admin', ({ input }, { services, actor }) => services.identity.people.create(validateInput(personCreate, present(input)), actor)),
  setPersonRole: write<{ id: string; role: string }>('admin', ({ id, role }, { services, actor }) => services.identity.people.setRole(id, validateInput(personPatch, { role }).role, actor)),
  putTeamMember: write<{ team: string; email: string; role: string }>('team.manage', async ({ team, ...body }, { services, actor }) => {
    const { created, membership } = await services.identity.memberships.put(team, validateInput(membershipPut, body), actor);
    return { created, member: membership };
  }),
  removeTeamMember: write<{ team: string; userId: string }>('team.manage', ({ team, userId }, { services, actor }) => services.identity.memberships.remove(team, userId, actor)),

  // POST /api-keys, /api-keys/{key}/revoke
  createApiKey: write<Input>('team.manage', async ({ input }, { services, actor }) => services.identity.apiKeys.create(validateInput(apiKeyCreate, present(input)), actor)),
  revokeApiKey: write<Id>('team.manage', ({ id }, { services, actor }) => services.identity.apiKeys.revoke(id, actor)),

  // POST /systems/{system}/webhooks, /webhooks/{webhook}/disable|rotate-secret|test
  createWebhook: write<{ system: string } & Input>('webhook.manage', async ({ system, input }, { services, actor }) => {
    const { secret, ...webhook } = await services.webhooks.create(system, validateInput(webhookCreate, present(input)), actor);
    return { secret, webhook };
  }),
  disableWebhook: write<Id>('webhook.manage', ({ id }, { services, actor }) => services.webhooks.disable(id, actor)),
  rotateWebhookSecret: write<Id>('webhook.manage', async ({ id }, { services, actor }) => {
    const { secret, ...webhook } = await services.webhooks.rotateSecret(id, actor);
    return { secret, webhook };
  }),
  testWebhook: write<Id>('webhook.manage', ({ id }, { services, actor }) => services.webhooks.test(id, actor)),
};
