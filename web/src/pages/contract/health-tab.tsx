import { lazy, Suspense } from 'react';

// Charts are for those who open the tab: the contract page's first load does not pay for them.
const HealthPanel = lazy(() => import('../../components/health/health-panel.tsx'));

/** P95 latency and error rate over time, incidents and MTTR of the contract in one environment. */
export function HealthTab({ contract }: { contract: { slug: string } }) {
  return (
    <Suspense fallback={<p className="loading" role="status">Loading the health charts…</p>}>
      <HealthPanel contract={contract.slug} />
    </Suspense>
  );
}
