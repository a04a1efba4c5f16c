import { gql } from 'urql';
import type { FindingConsumerData } from '../../components/finding-consumers.tsx';
import type { Lifecycle } from '../../components/lifecycle-badge.tsx';
import type { UsageVerdictData } from '../../components/usage-explanation.tsx';

export interface FindingData {
  rule: string;
  level: 'error' | 'warn' | 'info';
  message: string;
  why?: string | null;
  operations: string[];
  pointer?: string | null;
  fingerprint?: string | null;
  accepted?: string | null;
  consumers?: FindingConsumerData[] | null;
}

export interface SubscriptionData {
  id: string;
  consumer: { slug: string; name: string; team: { slug: string; name: string } };
  range: string;
  operations: string[];
  status: 'requested' | 'approved' | 'rejected' | 'revoked';
  note: string;
  requestedBy: string;
  createdAt: string;
}

export interface WaiverData {
  id: string;
  rule: string;
  operations: string[];
  pointer: string | null;
  message: string;
  reason: string;
  state: 'requested' | 'active' | 'expired' | 'revoked';
  expiresAt: string;
  requestedBy: string;
}

export interface ContractData {
  slug: string;
  name: string;
  kind: 'openapi' | 'asyncapi' | null;
  domain: string;
  lifecycle: Lifecycle;
  compatibilityMode: string;
  description: string;
  tags: string[];
  sunsetAt: string | null;
  latestVersion: string | null;
  team: { slug: string; name: string };
  system: { slug: string; name: string };
  scorecard: { clean: boolean; latestVersion: string | null; open: { errors: number; warnings: number }; waivers: { active: number; expiringSoon: number } };
  versions: { edges: { node: { version: string; specVersion: string; title: string; publishedAt: string; publishedBy: string; deprecatedAt: string | null; sunsetAt: string | null; operationCount: number } }[] };
  consumers: { slug: string }[];
}

export interface DeploymentData {
  id: string;
  environment: { slug: string; name: string; rank: number };
  version: string;
  address: string;
  deployedAt: string;
  deployedBy: string;
}

const FINDING = 'rule level message why operations pointer fingerprint accepted';
// Whom a finding reaches costs a list per finding: asked for where findings are read one version at a time.
const FINDING_REACH = `${FINDING} consumers { consumer team declared requests lastSeenAt operations }`;

export const CONTRACT_PAGE = gql<{ contract: ContractData | null }, { slug: string }>`
  query ContractPage($slug: String!) {
    contract(slug: $slug) {
      slug name kind domain lifecycle compatibilityMode description tags sunsetAt latestVersion
      team { slug name }
      system { slug name }
      scorecard { clean latestVersion open { errors warnings } waivers { active expiringSoon } }
      versions(first: 25) { edges { node { version specVersion title publishedAt publishedBy deprecatedAt sunsetAt operationCount } } }
      consumers { slug }
    }
  }
`;

// Each tab asks for what it shows: one query for the whole page would pass the server's cost limit.
export const SUBSCRIPTIONS = gql<{ contract: { subscriptions: { edges: { node: SubscriptionData }[] } } | null }, { slug: string }>`
  query ContractSubscriptions($slug: String!) {
    contract(slug: $slug) { subscriptions(first: 30) { edges { node { id consumer { slug name team { slug name } } range operations status note requestedBy createdAt } } } }
  }
`;

export const DEPLOYMENTS = gql<{ contract: { deployments: { edges: { node: DeploymentData }[] } } | null }, { slug: string }>`
  query ContractDeployments($slug: String!) {
    contract(slug: $slug) { deployments(first: 25) { edges { node { id environment { slug name rank } version address deployedAt deployedBy } } } }
  }
`;

export const LATEST_FINDINGS = gql<{ contract: { latest: { version: string; findings: FindingData[] } | null; usageSettings: UsageVerdictData; waivers: { edges: { node: WaiverData }[] } } | null }, { slug: string }>`
  query ContractFindings($slug: String!) {
    contract(slug: $slug) {
      latest { version findings { ${FINDING_REACH} } }
      usageSettings { gating days threshold }
      waivers(first: 30) { edges { node { id rule operations pointer message reason state expiresAt requestedBy } } }
    }
  }
`;

export const LATEST_OPERATIONS = gql<{ contract: { latest: { version: string; operations: { key: string; summary: string | null; deprecated: boolean }[] } | null } | null }, { slug: string }>`
  query ContractOperations($slug: String!) {
    contract(slug: $slug) { latest { version operations { key summary deprecated } } }
  }
`;

export const VERSION_DOCUMENT = gql<{ contract: { version: { version: string; document: unknown; specKind: string; specVersion: string; sourceFormat: string } | null } | null }, { slug: string; version: string }>`
  query VersionDocument($slug: String!, $version: String!) {
    contract(slug: $slug) { version(version: $version) { version document specKind specVersion sourceFormat } }
  }
`;

export const VERSION_SOURCES = gql<{ contract: { from: { source: string } | null; to: { source: string } | null } | null }, { slug: string; from: string; to: string }>`
  query VersionSources($slug: String!, $from: String!, $to: String!) {
    contract(slug: $slug) { from: version(version: $from) { source } to: version(version: $to) { source } }
  }
`;

export const COMPARE = gql<{ contract: { usageSettings: UsageVerdictData } | null; compare: { from: string; to: string; source: string; verdict: 'pass' | 'warn' | 'fail'; summary: { error: number; warn: number; info: number }; findings: FindingData[] } }, { slug: string; from: string; to: string }>`
  query Compare($slug: String!, $from: String!, $to: String!) {
    contract(slug: $slug) { usageSettings { gating days threshold } }
    compare(contract: $slug, from: $from, to: $to) { from to source verdict summary { error warn info } findings { ${FINDING_REACH} } }
  }
`;

export const CHANGELOG = gql<{ contract: { changelog: { version: string; previous: string | null; publishedAt: string; publishedBy: string; documentationOnly: boolean; breaking: FindingData[]; deprecations: FindingData[]; additions: FindingData[]; changes: FindingData[] }[] } | null }, { slug: string }>`
  query Changelog($slug: String!) {
    contract(slug: $slug) { changelog { version previous publishedAt publishedBy documentationOnly breaking { ${FINDING} } deprecations { ${FINDING} } additions { ${FINDING} } changes { ${FINDING} } } }
  }
`;

export const MY_SYSTEMS = gql<{ systems: { edges: { node: { slug: string; name: string } }[] } }, { team: string }>`
  query MySystems($team: String!) { systems(first: 30, team: $team) { edges { node { slug name } } } }
`;

export const REQUEST_SUBSCRIPTION = gql<{ requestSubscription: { id: string; status: string } }, { input: { contract: string; consumer: string; range: string; operations: string[]; note?: string } }>`
  mutation RequestSubscription($input: RequestSubscriptionInput!) { requestSubscription(input: $input) { id status } }
`;

export const DECIDE_SUBSCRIPTION = {
  approve: gql<{ approveSubscription: { id: string; status: string } }, { id: string }>`mutation Approve($id: ID!) { approveSubscription(id: $id) { id status } }`,
  reject: gql<{ rejectSubscription: { id: string; status: string } }, { id: string }>`mutation Reject($id: ID!) { rejectSubscription(id: $id) { id status } }`,
  revoke: gql<{ revokeSubscription: { id: string; status: string } }, { id: string }>`mutation Revoke($id: ID!) { revokeSubscription(id: $id) { id status } }`,
};

export const REQUEST_WAIVER = gql<{ requestWaiver: { id: string; state: string } }, { input: { contract: string; reason: string; expiresAt: string; rule: string; operations: string[]; pointer?: string | null } }>`
  mutation RequestWaiver($input: RequestWaiverInput!) { requestWaiver(input: $input) { id state } }
`;

export const DECIDE_WAIVER = {
  approve: gql<{ approveWaiver: { id: string; state: string } }, { id: string }>`mutation ApproveWaiver($id: ID!) { approveWaiver(id: $id) { id state } }`,
  revoke: gql<{ revokeWaiver: { id: string; state: string } }, { id: string }>`mutation RevokeWaiver($id: ID!) { revokeWaiver(id: $id) { id state } }`,
};

export const PUBLISH_VERSION = gql<{ publishVersion: { created: boolean; version: { version: string; findings: FindingData[]; contract: { slug: string; usageSettings: UsageVerdictData } } } }, { input: { contract: string; version: string; document: string } }>`
  mutation PublishVersion($input: PublishVersionInput!) { publishVersion(input: $input) { created version { version findings { ${FINDING_REACH} } contract { slug usageSettings { gating days threshold } } } } }
`;
