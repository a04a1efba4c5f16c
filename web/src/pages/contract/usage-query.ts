import { gql } from 'urql';

export type Gating = 'standard' | 'usage_aware';

export interface UsageSettingsData {
  contract: string;
  gating: Gating;
  days: number;
  threshold: number;
  exclusions: { consumer: string; reason: string; createdAt: string; createdBy: string }[];
}

export interface ContractUsageData {
  days: number;
  threshold: number;
  from: string;
  to: string;
  environment: string | null;
  operations: { operation: string; consumer: string; requests: number; lastSeenAt: string; environments: string[]; declared: boolean }[];
  shadowConsumers: { consumer: string; team: string | null; operations: string[]; requests: number; lastSeenAt: string }[];
  silentSubscriptions: { subscription: string; consumer: string; team: string; range: string; operations: string[] }[];
  excluded: { consumer: string; reason: string; requests: number }[];
}

const SETTINGS = 'contract gating days threshold exclusions { consumer reason createdAt createdBy }';

export const CONTRACT_USAGE = gql<{ contract: { usage: ContractUsageData; usageSettings: UsageSettingsData; latest: { operations: { key: string }[] } | null } | null; environments: { slug: string; name: string; rank: number }[] }, { slug: string; environment?: string | null }>`
  query ContractUsage($slug: String!, $environment: String) {
    contract(slug: $slug) {
      usage(environment: $environment) {
        days threshold from to environment
        operations { operation consumer requests lastSeenAt environments declared }
        shadowConsumers { consumer team operations requests lastSeenAt }
        silentSubscriptions { subscription consumer team range operations }
        excluded { consumer reason requests }
      }
      usageSettings { ${SETTINGS} }
      latest { operations { key } }
    }
    environments { slug name rank }
  }
`;

export const CONFIGURE_USAGE = gql<{ configureUsage: UsageSettingsData }, { contract: string; patch: { gating?: Gating; days?: number; threshold?: number } }>`
  mutation ConfigureUsage($contract: String!, $patch: UsagePatch!) { configureUsage(contract: $contract, patch: $patch) { ${SETTINGS} } }
`;

export const EXCLUDE_USAGE_CONSUMER = gql<{ excludeUsageConsumer: UsageSettingsData }, { contract: string; consumer: string; reason: string }>`
  mutation ExcludeUsageConsumer($contract: String!, $consumer: String!, $reason: String!) { excludeUsageConsumer(contract: $contract, consumer: $consumer, reason: $reason) { ${SETTINGS} } }
`;

export const INCLUDE_USAGE_CONSUMER = gql<{ includeUsageConsumer: UsageSettingsData }, { contract: string; consumer: string }>`
  mutation IncludeUsageConsumer($contract: String!, $consumer: String!) { includeUsageConsumer(contract: $contract, consumer: $consumer) { ${SETTINGS} } }
`;
