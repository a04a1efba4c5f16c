import { useQuery } from 'urql';
import { SUBSCRIPTIONS, type FindingData, type SubscriptionData } from './contract-query.ts';

/** The approved consumers whose subscribed operations a finding reaches (all of them when it names none). */
export function consumersHit(subscriptions: SubscriptionData[], finding: Pick<FindingData, 'operations'>): string[] {
  const approved = subscriptions.filter((s) => s.status === 'approved');
  const hit = finding.operations.length === 0 ? approved : approved.filter((s) => s.operations.some((op) => finding.operations.includes(op)));
  return [...new Set(hit.map((s) => s.consumer.name))];
}

/** The contract's subscriptions, for the tabs that say whom something hits. */
export function useSubscriptions(slug: string): SubscriptionData[] {
  const [{ data }] = useQuery({ query: SUBSCRIPTIONS, variables: { slug } });
  return data?.contract?.subscriptions.edges.map((e) => e.node) ?? [];
}
