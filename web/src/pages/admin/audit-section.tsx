import { useState } from 'react';
import { useClient, useQuery } from 'urql';
import { QueryState } from '../../components/query-state.tsx';
import { refusalMessage } from '../../graphql/refusal-message.ts';
import { AUDIT, VERIFY_AUDIT } from './admin-queries.ts';

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
type Verification = { ok: boolean; events: number; head: { seq: number; hash: string } | null; firstBroken: { seq: number; reason: string } | null };

/** The audit log, newest first, and a check that its hash chain still holds. */
export function AuditSection() {
  const [action, setAction] = useState('');
  const [{ data, fetching, error }] = useQuery({ query: AUDIT, variables: action ? { action } : {} });
  const client = useClient();
  const [verifying, setVerifying] = useState(false);
  const [verdict, setVerdict] = useState<{ result?: Verification; problem?: string } | null>(null);
  const verify = async () => {
    setVerifying(true);
    const answer = await client.query(VERIFY_AUDIT, {}, { requestPolicy: 'network-only' }).toPromise();
    setVerifying(false);
    setVerdict(answer.error ? { problem: refusalMessage(answer.error) } : { result: answer.data!.auditVerification });
  };
  return (
    <section className="card" aria-labelledby="audit-heading">
      <div className="row-head">
        <h2 id="audit-heading">Audit log</h2>
        <button type="button" className="button primary" onClick={verify} disabled={verifying}>{verifying ? 'Verifying…' : 'Verify chain'}</button>
      </div>
      <div aria-live="polite">
        {verdict?.problem && <p role="alert" className="alert error">{verdict.problem}</p>}
        {verdict?.result?.ok && <p className="alert ok">Chain intact: {verdict.result.events} events verified{verdict.result.head && <>, head #{verdict.result.head.seq} <code>{verdict.result.head.hash.slice(0, 16)}…</code></>}.</p>}
        {verdict?.result && !verdict.result.ok && <p className="alert error">Chain broken at event #{verdict.result.firstBroken?.seq} ({verdict.result.firstBroken?.reason}); {verdict.result.events} events before it verified.</p>}
      </div>
      <label className="inline-field">Action<input value={action} onChange={(e) => setAction(e.target.value.trim())} placeholder="e.g. version.published" /></label>
      <QueryState fetching={fetching && !data} error={error} what="the audit log" />
      {data && (
        <table className="data-table compact">
          <thead><tr><th scope="col">#</th><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Target</th></tr></thead>
          <tbody>
            {data.audit.edges.map(({ node: e }) => (
              <tr key={e.id}><td className="num">{e.seq}</td><td className="small">{timeFormat.format(new Date(e.at))}</td><td className="small">{e.actor}</td><td className="mono">{e.action}</td><td className="small">{e.targetType} <span className="mono">{e.targetId}</span></td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
