import { formatDate } from '../../components/lifecycle-badge.tsx';
import { useQuery } from 'urql';
import { DEPLOYMENTS, type ContractData } from './contract-query.ts';

/** Which version runs in each environment, and at which address. */
export function DeploymentsTab({ contract }: { contract: ContractData }) {
  const [{ data }] = useQuery({ query: DEPLOYMENTS, variables: { slug: contract.slug } });
  const deployments = (data?.contract?.deployments.edges ?? []).map((e) => e.node).sort((a, b) => a.environment.rank - b.environment.rank);
  if (!data) return <p className="loading" role="status">Loading deployments…</p>;
  if (deployments.length === 0) return <p className="empty-state">Not deployed anywhere yet. Pipelines record deployments with <code>accord can-i-deploy</code> and the API.</p>;
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
