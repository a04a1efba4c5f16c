import { lazy, Suspense } from 'react';
import type { ContractData } from './contract-query.ts';

// Usage is read by those who open the tab: the contract page's first load does not pay for it.
const UsagePanel = lazy(() => import('./usage-panel.tsx'));

/** Who calls which operation, who calls without subscribing, who subscribed and never calls, and how checks weigh it. */
export function UsageTab({ contract }: { contract: ContractData }) {
  return (
    <Suspense fallback={<p className="loading" role="status">Loading usage…</p>}>
      <UsagePanel contract={contract} />
    </Suspense>
  );
}
