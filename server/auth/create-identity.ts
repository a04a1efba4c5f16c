import type { Db } from '../db/index.js';
import type { AccessPolicy, Clock } from '../shared/index.js';
import { createApiKeys } from './api-keys.js';
import type { Auth } from './create-auth.js';
import { createMemberships } from './memberships.js';
import { createPeople } from './people.js';

/** The identity services the edges call: people, team memberships and API keys. */
export function createIdentity(deps: { db: Db; clock: Clock; access: AccessPolicy; auth: Auth; apiKeyMaxDays?: number }) {
  return {
    people: createPeople(deps),
    memberships: createMemberships(deps),
    apiKeys: createApiKeys({ ...deps, ...(deps.apiKeyMaxDays !== undefined && { maxDays: deps.apiKeyMaxDays }) }),
  };
}

export type Identity = ReturnType<typeof createIdentity>;
