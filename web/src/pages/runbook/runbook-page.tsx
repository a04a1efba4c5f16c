import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { QueryState } from '../../components/query-state.tsx';
import { RunbookMarkdown } from './runbook-markdown.tsx';
import { CONTRACT_RUNBOOK, EDGE_RUNBOOK } from './runbook-query.ts';

/** A contract's runbook, or one consumer's runbook of it: what on-call reads first. */
export function RunbookPage() {
  const { contract = '', system } = useParams();
  return system ? <EdgeRunbook system={system} contract={contract} /> : <ContractRunbook contract={contract} />;
}

const rest = (path: string) => (
  <p className="muted small">
    Also as Markdown at <a href={path} className="mono">{path}</a>, for a wiki or a chat.
  </p>
);

function ContractRunbook({ contract }: { contract: string }) {
  const [{ data, fetching, error }] = useQuery({ query: CONTRACT_RUNBOOK, variables: { contract } });
  if (!data) return <QueryState fetching={fetching} error={error} what="the runbook" />;
  if (!data.contract) return <p role="alert" className="alert error">There is no contract “{contract}”.</p>;
  return (
    <article className="page runbook-page card">
      <nav className="breadcrumbs" aria-label="Breadcrumbs"><Link to={`/contracts/${encodeURIComponent(contract)}`}>{data.contract.name}</Link> / runbook</nav>
      <RunbookMarkdown text={data.contract.runbook} />
      {rest(`/api/v1/contracts/${encodeURIComponent(contract)}/runbook`)}
    </article>
  );
}

function EdgeRunbook({ system, contract }: { system: string; contract: string }) {
  const [{ data, fetching, error }] = useQuery({ query: EDGE_RUNBOOK, variables: { system, contract } });
  if (!data) return <QueryState fetching={fetching} error={error} what="the runbook" />;
  if (!data.system || !data.contract) return <p role="alert" className="alert error">There is no {data.system ? `contract “${contract}”` : `system “${system}”`}.</p>;
  return (
    <article className="page runbook-page card">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={`/systems/${encodeURIComponent(system)}`}>{data.system.name}</Link> → <Link to={`/contracts/${encodeURIComponent(contract)}`}>{data.contract.name}</Link> / runbook
      </nav>
      <RunbookMarkdown text={data.system.runbook} />
      {rest(`/api/v1/systems/${encodeURIComponent(system)}/runbooks/${encodeURIComponent(contract)}`)}
    </article>
  );
}
