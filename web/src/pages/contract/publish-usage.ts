import { useQuery } from 'urql';
import type { UsageVerdictData } from '../../components/usage-explanation.tsx';
import { CHECK_USAGE } from './contract-query.ts';

/**
 * The usage verdict a version was published under: the newest check naming it that did not fail
 * (a refused publish of the same number later is a check too, and published nothing).
 */
export function usePublishUsage(slug: string, version: string | undefined): UsageVerdictData | undefined {
  const [{ data }] = useQuery({ query: CHECK_USAGE, variables: { slug }, pause: !version });
  return data?.contract?.checks.edges.find((e) => e.node.version === version && !e.node.failed)?.node.usage ?? undefined;
}
