import { gql } from 'urql';

export interface ApiKey {
  id: string;
  name: string;
  team: string | null;
  prefix: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** What a key may do, as the server names it, with what it means. */
export const SCOPES: readonly { scope: string; meaning: string }[] = [
  { scope: 'contracts:read', meaning: 'read contracts and versions' },
  { scope: 'contracts:publish', meaning: 'publish versions (CI)' },
  { scope: 'checks:run', meaning: 'run compatibility checks (CI)' },
  { scope: 'subscriptions:write', meaning: 'request subscriptions' },
  { scope: 'waivers:write', meaning: 'request waivers' },
  { scope: 'webhooks:write', meaning: 'manage webhooks' },
  { scope: 'traffic:write', meaning: 'report traffic windows' },
];

const KEY_FIELDS = 'id name team prefix scopes createdAt expiresAt revokedAt lastUsedAt';

export const TEAM_KEYS = gql<{ team: { slug: string; name: string; apiKeys: ApiKey[] } | null }, { team: string }>`
  query TeamApiKeys($team: String!) {
    team(slug: $team) { slug name apiKeys(includeRevoked: true) { ${KEY_FIELDS} } }
  }
`;

export const ALL_TEAMS = gql<{ teams: { edges: { node: { slug: string; name: string } }[] } }, Record<string, never>>`
  query KeyTeams { teams(first: 100) { edges { node { slug name } } } }
`;

export const CREATE_KEY = gql<{ createApiKey: { key: string; apiKey: ApiKey } }, { input: { name: string; team: string; scopes: string[]; expiresAt?: string } }>`
  mutation CreateApiKey($input: ApiKeyInput!) {
    createApiKey(input: $input) { key apiKey { ${KEY_FIELDS} } }
  }
`;

export const REVOKE_KEY = gql<{ revokeApiKey: ApiKey }, { id: string }>`
  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { ${KEY_FIELDS} } }
`;
