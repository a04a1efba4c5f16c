import { useQuery } from 'urql';
import { formatDate } from '../../components/lifecycle-badge.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { CHANGELOG, type ContractData, type FindingData } from './contract-query.ts';

const SECTIONS = [
  ['breaking', 'Breaking'],
  ['deprecations', 'Deprecated'],
  ['additions', 'Added'],
  ['changes', 'Changed'],
] as const;

function Entries({ findings }: { findings: FindingData[] }) {
  return <ul>{findings.map((f, i) => <li key={i}>{f.message}{f.operations.length > 0 && <span className="muted mono"> — {f.operations.join(', ')}</span>}</li>)}</ul>;
}

/** What each version changed, as people would write release notes. */
export function ChangelogTab({ contract }: { contract: ContractData }) {
  const [{ data, fetching, error }] = useQuery({ query: CHANGELOG, variables: { slug: contract.slug } });
  const entries = data?.contract?.changelog ?? [];
  return (
    <div className="stack">
      <QueryState fetching={fetching} error={error} what="the changelog" />
      {entries.map((entry) => (
        <section key={entry.version} className="card changelog-entry" aria-labelledby={`changelog-${entry.version}`}>
          <h2 id={`changelog-${entry.version}`} className="mono">{entry.version}</h2>
          <p className="muted">{formatDate(entry.publishedAt)} by {entry.publishedBy}{entry.previous ? ` · since ${entry.previous}` : ' · first version'}</p>
          {entry.documentationOnly && <p>Documentation only.</p>}
          {SECTIONS.map(([key, title]) =>
            entry[key].length > 0 ? (
              <div key={key}>
                <h3 className={key === 'breaking' ? 'breaking-title' : ''}>{title}</h3>
                <Entries findings={entry[key]} />
              </div>
            ) : null,
          )}
        </section>
      ))}
    </div>
  );
}
