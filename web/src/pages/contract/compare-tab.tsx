import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { FindingList } from '../../components/finding-list.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { consumersHit, useSubscriptions } from './consumers-hit.ts';
import { UsageExplanation } from '../../components/usage-explanation.tsx';
import { usageSummary } from '../../components/usage-summary.ts';
import { COMPARE, VERSION_SOURCES, type ContractData } from './contract-query.ts';

const SourceDiff = lazy(() => import('../../components/source-diff/source-diff.tsx'));

/** Any two published versions: what breaks whom, then the text that changed. */
export function CompareTab({ contract }: { contract: ContractData }) {
  const [params, setParams] = useSearchParams();
  const versions = contract.versions.edges.map((e) => e.node.version);
  const to = params.get('to') ?? contract.latestVersion ?? '';
  const from = params.get('from') ?? versions.find((v) => v !== to) ?? '';
  const ready = !!from && !!to && from !== to;
  const [{ data, fetching, error }] = useQuery({ query: COMPARE, variables: { slug: contract.slug, from, to }, pause: !ready });
  const [{ data: sources }] = useQuery({ query: VERSION_SOURCES, variables: { slug: contract.slug, from, to }, pause: !ready });
  const subscriptions = useSubscriptions(contract.slug);
  const result = data?.compare;
  const settings = data?.contract?.usageSettings;
  const choose = (name: 'from' | 'to', value: string) => setParams({ from, to, [name]: value }, { replace: true });
  if (versions.length < 2) return <p className="empty-state">Comparing needs two published versions.</p>;
  return (
    <div className="stack">
      <div className="toolbar">
        <label className="inline">From <select value={from} onChange={(e) => choose('from', e.target.value)}>{versions.map((v) => <option key={v}>{v}</option>)}</select></label>
        <label className="inline">To <select value={to} onChange={(e) => choose('to', e.target.value)}>{versions.map((v) => <option key={v}>{v}</option>)}</select></label>
        {result && <span className={`badge verdict-${result.verdict}`}>{result.verdict === 'fail' ? 'breaking' : result.verdict === 'warn' ? 'warnings' : 'compatible'}</span>}
        {result && <span className="muted">{result.summary.error} errors · {result.summary.warn} warnings · {result.summary.info} notes</span>}
      </div>
      {!ready && <p className="muted">Choose two different versions.</p>}
      <QueryState fetching={fetching} error={error} what="the comparison" />
      {result && (
        <section aria-labelledby="compare-findings">
          <h2 id="compare-findings">Findings</h2>
          {/* Only a stored comparison was judged with usage; a fresh one checks the two documents alone. */}
          {result.source === 'stored' && settings ? <UsageExplanation usage={{ ...settings, explanation: usageSummary(result.findings) }} /> : <p className="muted small">Checked now from the two documents: consumers named from approved subscriptions only; publishing weighs observed usage too.</p>}
          <FindingList findings={result.findings} consumersOf={(f) => consumersHit(subscriptions, f)} />
        </section>
      )}
      {ready && sources?.contract?.from && sources.contract.to && (
        <section aria-labelledby="compare-source">
          <h2 id="compare-source">Document change</h2>
          <Suspense fallback={<p className="loading" role="status">Loading…</p>}>
            <SourceDiff before={sources.contract.from.source} after={sources.contract.to.source} fromLabel={from} toLabel={to} />
          </Suspense>
        </section>
      )}
    </div>
  );
}
