import { gql } from 'urql';

export const CONTRACT_RUNBOOK = gql<{ contract: { slug: string; name: string; runbook: string } | null }, { contract: string }>`
  query ContractRunbook($contract: String!) {
    contract(slug: $contract) { slug name runbook }
  }
`;

export const EDGE_RUNBOOK = gql<{ contract: { slug: string; name: string } | null; system: { slug: string; name: string; runbook: string } | null }, { system: string; contract: string }>`
  query EdgeRunbook($system: String!, $contract: String!) {
    contract(slug: $contract) { slug name }
    system(slug: $system) { slug name runbook(contract: $contract) }
  }
`;
