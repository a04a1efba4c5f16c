import { formatSeenAt } from '../../components/format-seen-at.ts';
import type { ContractUsageData } from './usage-query.ts';

type Use = ContractUsageData['operations'][number];

/**
 * Operations down, consumers across: each cell the requests over the look-back and when last seen.
 * Operations of the latest version nobody called stay in the table: an empty row is what makes a
 * change to it safe.
 */
export function UsageMatrix({ uses, operations }: { uses: Use[]; operations: string[] }) {
  const consumers = [...new Set(uses.map((u) => u.consumer))].sort();
  const rows = [...new Set([...operations, ...uses.map((u) => u.operation)])];
  const cell = new Map(uses.map((u) => [`${u.operation}\n${u.consumer}`, u]));
  if (rows.length === 0) return <p className="muted">The contract has no operations yet.</p>;
  return (
    <div className="table-scroll">
      <table className="usage-matrix">
        <caption className="visually-hidden">Requests per operation and consumer</caption>
        <thead>
          <tr>
            <th scope="col">Operation</th>
            {consumers.map((c) => <th key={c} scope="col">{c}</th>)}
            {consumers.length === 0 && <th scope="col">Consumers</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((operation) => (
            <tr key={operation}>
              <th scope="row" className="mono">{operation}</th>
              {consumers.map((consumer) => {
                const use = cell.get(`${operation}\n${consumer}`);
                if (!use) return <td key={consumer} className="usage-cell empty"><span className="visually-hidden">not called</span><span aria-hidden="true">—</span></td>;
                return (
                  <td key={consumer} className={`usage-cell ${use.declared ? 'declared' : 'undeclared'}`}>
                    <strong>{use.requests.toLocaleString('en-GB')}</strong> <span className="small">requests</span>
                    <div className="small muted">last {formatSeenAt(use.lastSeenAt)}{use.declared ? '' : ' · no subscription'}</div>
                  </td>
                );
              })}
              {consumers.length === 0 && <td className="muted">not called</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
