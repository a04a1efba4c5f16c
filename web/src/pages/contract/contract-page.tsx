import { NavLink, useParams } from 'react-router';
import { useQuery } from 'urql';
import { GovernanceGrade } from '../../components/governance-grade.tsx';
import { formatDate, LifecycleBadge } from '../../components/lifecycle-badge.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { ChangelogTab } from './changelog-tab.tsx';
import { CompareTab } from './compare-tab.tsx';
import { ConsumersTab } from './consumers-tab.tsx';
import { CONTRACT_PAGE } from './contract-query.ts';
import { DeploymentsTab } from './deployments-tab.tsx';
import { DocumentationTab } from './documentation-tab.tsx';
import { FindingsTab } from './findings-tab.tsx';
import { HealthTab } from './health-tab.tsx';
import { PublishTab } from './publish-tab.tsx';
import { UsageTab } from './usage-tab.tsx';
import { VersionsTab } from './versions-tab.tsx';

const TABS = [
  ['', 'Documentation', DocumentationTab],
  ['versions', 'Versions', VersionsTab],
  ['compare', 'Compare', CompareTab],
  ['changelog', 'Changelog', ChangelogTab],
  ['findings', 'Findings & waivers', FindingsTab],
  ['consumers', 'Consumers', ConsumersTab],
  ['usage', 'Usage', UsageTab],
  ['deployments', 'Deployments', DeploymentsTab],
  ['health', 'Health', HealthTab],
  ['publish', 'Publish', PublishTab],
] as const;

/** One contract: what it is and who owns it on top, and a tab for each thing people do with it. */
export function ContractPage() {
  const { slug = '', tab = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: CONTRACT_PAGE, variables: { slug } });
  const contract = data?.contract;
  if (!contract) {
    if (data && !contract) return <section className="empty-state"><h1>No contract “{slug}”</h1><p>It may have been renamed or never existed.</p></section>;
    return <QueryState fetching={fetching} error={error} what="the contract" />;
  }
  const current = TABS.find(([path]) => path === tab) ?? TABS[0];
  const Tab = current[2];
  const consumers = contract.consumers.length;
  return (
    <article className="contract-page">
      {contract.lifecycle === 'deprecated' && (
        <p className="alert warn sunset-banner" role="note">
          <strong>Deprecated.</strong> {contract.sunsetAt ? `This contract is switched off on ${formatDate(contract.sunsetAt)}.` : 'This contract is being retired.'} Plan your move away from it.
        </p>
      )}
      {contract.lifecycle === 'retired' && <p className="alert error" role="note"><strong>Retired.</strong> This contract no longer runs anywhere.</p>}
      <header className="contract-header card">
        <GovernanceGrade scorecard={contract.scorecard} />
        <div className="contract-title">
          <h1>{contract.name}</h1>
          <p className="muted"><span className="mono">{contract.slug}</span> · {contract.kind === 'asyncapi' ? 'AsyncAPI' : contract.kind === 'openapi' ? 'OpenAPI' : 'no version yet'}</p>
          {contract.description && <p>{contract.description}</p>}
          {contract.tags.length > 0 && <ul className="tags" aria-label="Tags">{contract.tags.map((t) => <li key={t} className="tag">{t}</li>)}</ul>}
        </div>
        <dl className="contract-facts">
          <div><dt>Owner</dt><dd>{contract.team.name}</dd></div>
          <div><dt>System</dt><dd>{contract.system.name}</dd></div>
          <div><dt>Domain</dt><dd>{contract.domain}</dd></div>
          <div><dt>Lifecycle</dt><dd><LifecycleBadge lifecycle={contract.lifecycle} sunsetAt={contract.sunsetAt} /></dd></div>
          <div><dt>Latest</dt><dd className="mono">{contract.latestVersion ?? '—'}</dd></div>
          <div><dt>Compatibility</dt><dd className="mono">{contract.compatibilityMode}</dd></div>
          <div><dt>Consumers</dt><dd>{consumers}</dd></div>
        </dl>
      </header>
      <nav aria-label="Contract" className="tabs">
        <ul>
          {TABS.map(([path, label]) => (
            <li key={path}><NavLink to={`/contracts/${encodeURIComponent(slug)}${path ? `/${path}` : ''}`} end>{label}</NavLink></li>
          ))}
        </ul>
      </nav>
      <section className="tab-panel" aria-label={current[1]}>
        <Tab contract={contract} />
      </section>
    </article>
  );
}
