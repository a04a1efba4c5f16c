import { lazy, Suspense } from 'react';
import { useQuery } from 'urql';
import { formatDate } from '../../components/lifecycle-badge.tsx';
import { DEPLOYMENTS, type ContractData } from './contract-query.ts';

const CanIDeployPanel = lazy(() => import('../../components/can-i-deploy/can-i-deploy-panel.tsx'));

/** Which version runs in each environment, and at which address; and whether a version may go to one. */
export function DeploymentsTab({ contract }: { contract: ContractData }) {
  const versions = contract.versions.edges.map((e) => e.node.version);
  return (
    <div className="stack">
      <DeploymentTable contract={contract} />
      {versions.length > 0 && (
        <Suspense fallback={<p className="loading" role="status">Loading…</p>}>
          <CanIDeployPanel subject={{ contract: contract.slug, versions }} />
        </Suspense>
      )}
    </div>
  );
}

function DeploymentTable({ contract }: { contract: ContractData }) {
  const [{ data }] = useQuery({ query: DEPLOYMENTS, variables: { slug: contract.slug } });
  const deployments = (data?.contract?.deployments.edges ?? []).map((e) => e.node).sort((a, b) => a.environment.rank - b.environment.rank);
  if (!data) return <p className="loading" role="status">Loading deployments…</p>;
  if (deployments.length === 0) return <p className="empty-state">Not deployed anywhere yet. Pipelines record deployments with <code>accord deployed</code> and the API.</p>;
  return (
    <table>
      <caption className="visually-hidden">Deployments per environment</caption>
      <thead><tr><th scope="col">Environment</th><th scope="col">Version</th><th scope="col">Address</th><th scope="col">Deployed</th></tr></thead>
      <tbody>
        {deployments.map((d) => (
          <tr key={d.id}>
            <td>{d.environment.name}</td>
            <td className="mono">{d.version}</td>
            <td className="mono">{d.address}</td>
            <td>{formatDate(d.deployedAt)} by {d.deployedBy}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
