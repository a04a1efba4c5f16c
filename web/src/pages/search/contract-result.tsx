import { Link } from 'react-router';
import { GovernanceGrade } from '../../components/governance-grade.tsx';
import { LifecycleBadge } from '../../components/lifecycle-badge.tsx';
import type { ContractResult as Result } from './search-query.ts';

/** One contract in the results: what it is, who owns it, how it stands and who depends on it. */
export function ContractResult({ contract }: { contract: Result }) {
  const consumers = contract.consumers.length;
  return (
    <li className="result card">
      <div className="result-head">
        <GovernanceGrade scorecard={contract.scorecard} />
        <div className="result-title">
          <h2>
            <Link to={`/contracts/${encodeURIComponent(contract.slug)}`}>{contract.name}</Link>
          </h2>
          <p className="muted mono">{contract.slug}</p>
        </div>
        <span className={`badge kind-${contract.kind ?? 'none'}`}>{contract.kind === 'asyncapi' ? 'AsyncAPI' : contract.kind === 'openapi' ? 'OpenAPI' : 'no version'}</span>
      </div>
      {contract.description && <p className="result-description">{contract.description}</p>}
      <dl className="result-facts">
        <div><dt>Owner</dt><dd>{contract.team.name} · {contract.system.name}</dd></div>
        <div><dt>Latest</dt><dd className="mono">{contract.latestVersion ?? '—'}</dd></div>
        <div><dt>Lifecycle</dt><dd><LifecycleBadge lifecycle={contract.lifecycle} sunsetAt={contract.sunsetAt} /></dd></div>
        <div>
          <dt>Consumers</dt>
          <dd title={contract.consumers.map((c) => c.name).join(', ')}>{consumers === 0 ? 'none yet' : `${consumers} system${consumers === 1 ? '' : 's'}`}</dd>
        </div>
      </dl>
      {contract.tags.length > 0 && (
        <ul className="tags" aria-label="Tags">
          {contract.tags.map((tag) => <li key={tag} className="tag">{tag}</li>)}
        </ul>
      )}
    </li>
  );
}
