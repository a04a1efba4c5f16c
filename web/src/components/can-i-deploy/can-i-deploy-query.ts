import { gql } from 'urql';

export type DeployAnswer = 'yes' | 'no' | 'unknown';

export interface CanIDeployData {
  answer: DeployAnswer;
  environment: string;
  reasons: { answer: DeployAnswer; contract: string | null; consumer: string | null; message: string }[];
}

export const ENVIRONMENTS = gql<{ environments: { slug: string; name: string; rank: number }[] }, Record<string, never>>`
  query Environments { environments { slug name rank } }
`;

export const CAN_I_DEPLOY = gql<{ canIDeploy: CanIDeployData }, { contract?: string; version?: string; system?: string; environment: string }>`
  query CanIDeploy($contract: String, $version: String, $system: String, $environment: String!) {
    canIDeploy(contract: $contract, version: $version, system: $system, environment: $environment) { answer environment reasons { answer contract consumer message } }
  }
`;
