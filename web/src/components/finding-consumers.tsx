import { formatSeenAt } from './format-seen-at.ts';

export interface FindingConsumerData {
  consumer: string;
  team?: string | null;
  declared: boolean;
  /** Requests over the look-back; null when the consumer was not seen in traffic. */
  requests?: number | null;
  lastSeenAt?: string | null;
  operations: string[];
}

/** Whom a finding reaches: each consumer, whether a subscription declares it or traffic shows it, its team and when it was last seen. */
export function FindingConsumers({ consumers }: { consumers: FindingConsumerData[] }) {
  if (consumers.length === 0) return <p className="small muted">No declared or observed consumer uses what it changes.</p>;
  return (
    <table className="compact consumers-reached">
      <caption className="visually-hidden">Consumers the finding reaches</caption>
      <thead><tr><th scope="col">Consumer</th><th scope="col">Team</th><th scope="col">Known from</th><th scope="col">Requests</th><th scope="col">Last seen</th><th scope="col">Operations</th></tr></thead>
      <tbody>
        {consumers.map((c) => (
          <tr key={c.consumer}>
            <th scope="row">{c.consumer}</th>
            <td>{c.team ?? <span className="muted">unknown</span>}</td>
            <td>
              {c.declared && <span className="badge usage-declared">declared</span>}{' '}
              {c.requests != null && <span className="badge usage-observed">observed</span>}
            </td>
            <td className="numeric">{c.requests != null ? c.requests.toLocaleString('en-GB') : '—'}</td>
            <td>{c.lastSeenAt ? formatSeenAt(c.lastSeenAt) : <span className="muted">not seen</span>}</td>
            <td className="mono small">{c.operations.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
