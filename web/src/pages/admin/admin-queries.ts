import { gql } from 'urql';

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: 'maintainer' | 'member';
}

export const PEOPLE_AND_TEAMS = gql<{
  people: { edges: { node: { id: string; email: string; name: string; role: 'admin' | 'user'; createdAt: string } }[] };
  teams: { edges: { node: { slug: string; name: string; members: Member[] } }[] };
}, Record<string, never>>`
  query AdminPeople {
    people(first: 50) { edges { node { id email name role createdAt } } }
    teams(first: 25) { edges { node { slug name members { userId name email role } } } }
  }
`;

export const CREATE_PERSON = gql<{ createPerson: { id: string } }, { input: { email: string; name: string; password: string; role: 'admin' | 'user' } }>`
  mutation CreatePerson($input: PersonInput!) { createPerson(input: $input) { id email name role createdAt } }
`;

export const SET_PERSON_ROLE = gql<{ setPersonRole: { id: string; role: 'admin' | 'user' } }, { id: string; role: 'admin' | 'user' }>`
  mutation SetPersonRole($id: ID!, $role: PersonRole!) { setPersonRole(id: $id, role: $role) { id role } }
`;

export const PUT_MEMBER = gql<{ putTeamMember: { created: boolean } }, { team: string; email: string; role: 'maintainer' | 'member' }>`
  mutation PutTeamMember($team: String!, $email: String!, $role: TeamRole!) { putTeamMember(team: $team, email: $email, role: $role) { created member { userId role } } }
`;

export const REMOVE_MEMBER = gql<{ removeTeamMember: { userId: string } }, { team: string; userId: string }>`
  mutation RemoveTeamMember($team: String!, $userId: ID!) { removeTeamMember(team: $team, userId: $userId) { userId } }
`;

export const CREATE_TEAM = gql<{ createTeam: { slug: string } }, { input: { slug: string; name: string; description?: string } }>`
  mutation CreateTeam($input: TeamInput!) { createTeam(input: $input) { slug name } }
`;

export interface Assignment {
  id: string;
  scope: 'global' | 'domain' | 'team' | 'contract';
  target: string;
  lifecycle: 'draft' | 'active' | 'deprecated' | null;
  ruleset: string;
  createdBy: string;
}

export const RULESETS = gql<{ rulesets: { name: string; description: string; shipped: boolean; version: number | null }[]; rulesetAssignments: { edges: { node: Assignment }[] } }, Record<string, never>>`
  query AdminRulesets {
    rulesets { name description shipped version }
    rulesetAssignments(first: 100) { edges { node { id scope target lifecycle ruleset createdBy } } }
  }
`;

export const ASSIGN = gql<{ assignRuleset: Assignment }, { input: { scope: string; target?: string; ruleset: string } }>`
  mutation AssignRuleset($input: RulesetAssignmentInput!) { assignRuleset(input: $input) { id scope target lifecycle ruleset createdBy } }
`;

export const UNASSIGN = gql<{ unassignRuleset: { id: string } }, { id: string }>`
  mutation UnassignRuleset($id: ID!) { unassignRuleset(id: $id) { id } }
`;

export interface Delivery {
  id: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
}

export interface Webhook {
  id: string;
  system: string;
  url: string;
  events: string[];
  active: boolean;
  deliveries: { edges: { node: Delivery }[] };
}

export const WEBHOOK_SYSTEMS = gql<{ systems: { edges: { node: { slug: string; name: string } }[] } }, Record<string, never>>`
  query AdminWebhookSystems { systems(first: 100) { edges { node { slug name } } } }
`;

export const WEBHOOKS = gql<{ system: { slug: string; name: string; webhooks: Webhook[] } | null }, { system: string }>`
  query AdminWebhooks($system: String!) {
    system(slug: $system) {
      slug name
      webhooks { id system url events active deliveries(first: 5) { edges { node { id eventType status attempts lastStatus lastError createdAt } } } }
    }
  }
`;

export const CREATE_WEBHOOK = gql<{ createWebhook: { secret: string } }, { system: string; input: { url: string; description?: string } }>`
  mutation CreateWebhook($system: String!, $input: WebhookInput!) { createWebhook(system: $system, input: $input) { secret webhook { id } } }
`;

export const DISABLE_WEBHOOK = gql<{ disableWebhook: { id: string } }, { id: string }>`
  mutation DisableWebhook($id: ID!) { disableWebhook(id: $id) { id active } }
`;

export const TEST_WEBHOOK = gql<{ testWebhook: Delivery }, { id: string }>`
  mutation TestWebhook($id: ID!) { testWebhook(id: $id) { id eventType status attempts lastStatus lastError createdAt } }
`;

export const AUDIT = gql<{ audit: { edges: { node: { id: string; seq: number; at: string; actor: string; action: string; targetType: string; targetId: string } }[] } }, { action?: string }>`
  query AdminAudit($action: String) { audit(first: 50, action: $action) { edges { node { id seq at actor action targetType targetId } } } }
`;

export const VERIFY_AUDIT = gql<{ auditVerification: { ok: boolean; events: number; head: { seq: number; at: string; hash: string } | null; firstBroken: { seq: number; reason: string } | null } }, Record<string, never>>`
  query VerifyAudit { auditVerification { ok events head { seq at hash } firstBroken } }
`;
