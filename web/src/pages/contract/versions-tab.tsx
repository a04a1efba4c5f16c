import { Link } from 'react-router';
import { formatDate } from '../../components/lifecycle-badge.tsx';
import { useQuery } from 'urql';
import { DEPLOYMENTS, type ContractData } from './contract-query.ts';

/** Every published version, newest first, with who published it and where it runs. */
export function VersionsTab({ contract }: { contract: ContractData }) {
  const versions = contract.versions.edges.map((e) => e.node).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  const [{ data }] = useQuery({ query: DEPLOYMENTS, variables: { slug: contract.slug } });
  const deployments = data?.contract?.deployments.edges ?? [];
  const runs = (version: string) => deployments.filter((e) => e.node.version === version).map((e) => e.node.environment.name);
  if (versions.length === 0) return <p className="empty-state">No version published yet.</p>;
  return (
    <ol className="timeline">
      {versions.map((v, i) => (
        <li key={v.version} className="timeline-item">
          <div className="timeline-dot" aria-hidden="true" />
          <div className="card">
            <h2 className="mono">{v.version} {v.version === contract.latestVersion && <span className="badge lifecycle-active">latest</span>} {v.deprecatedAt && <span className="badge lifecycle-deprecated">deprecated{v.sunsetAt ? ` · sunset ${formatDate(v.sunsetAt)}` : ''}</span>}</h2>
            <p className="muted">Published {formatDate(v.publishedAt)} by {v.publishedBy} · {v.operationCount} operations · {v.specVersion}</p>
            {runs(v.version).length > 0 && <p>Runs in {runs(v.version).join(', ')}</p>}
            <p className="link-row">
              <Link to={`/contracts/${encodeURIComponent(contract.slug)}?version=${encodeURIComponent(v.version)}`}>Read the documentation</Link>
              {versions[i + 1] && <Link to={`/contracts/${encodeURIComponent(contract.slug)}/compare?from=${encodeURIComponent(versions[i + 1]!.version)}&to=${encodeURIComponent(v.version)}`}>Compare with {versions[i + 1]!.version}</Link>}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
