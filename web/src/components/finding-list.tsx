import { FindingConsumers, type FindingConsumerData } from './finding-consumers.tsx';

export interface ListedFinding {
  rule: string;
  level: 'error' | 'warn' | 'info';
  message: string;
  why?: string | null;
  operations: string[];
  pointer?: string | null;
  accepted?: string | null;
  /** Whom the check found it reaches, declared and observed; absent when nobody judged that. */
  consumers?: FindingConsumerData[] | null;
}

const RANK = { error: 0, warn: 1, info: 2 } as const;

/**
 * Findings, breaking (errors, accepted or not) first; each names its rule, where, and whom it hits:
 * the consumers the check judged it reaches when it carries them, else the names `consumersOf` gives.
 */
export function FindingList({ findings, consumersOf, actions }: { findings: ListedFinding[]; consumersOf?: (finding: ListedFinding) => string[]; actions?: (finding: ListedFinding) => React.ReactNode }) {
  if (findings.length === 0) return <p className="alert ok">No findings.</p>;
  // A breaking change accepted by a major version still breaks its consumers: errors come first either way.
  const sorted = [...findings].sort((a, b) => RANK[a.level] - RANK[b.level] || Number(!!a.accepted) - Number(!!b.accepted) || String(a.rule).localeCompare(String(b.rule)));
  return (
    <ul className="finding-list">
      {sorted.map((finding, i) => {
        const judged = finding.consumers && finding.consumers.length > 0 ? finding.consumers : undefined;
        const consumers = judged ? [] : (consumersOf?.(finding) ?? []);
        const breaking = finding.level === 'error';
        return (
          <li key={`${finding.rule}-${finding.pointer ?? ''}-${i}`} className={`finding card${breaking ? ' breaking' : ''}`}>
            <div className="finding-head">
              <span className={`badge level-${finding.level}`}>{breaking ? 'breaking' : finding.level}</span>
              <code>{finding.rule}</code>
              {finding.accepted && <span className="badge">{finding.accepted === 'unused' ? 'passes: no consumer uses it' : `accepted: ${finding.accepted}`}</span>}
            </div>
            <p className="finding-message">{finding.message}</p>
            {finding.why && <p className="muted">{finding.why}</p>}
            <dl className="result-facts">
              {finding.operations.length > 0 && <div><dt>Operations</dt><dd className="mono">{finding.operations.join(', ')}</dd></div>}
              {finding.pointer && <div><dt>Where</dt><dd className="mono">{finding.pointer}</dd></div>}
              {consumersOf && !judged && <div><dt>Consumers hit</dt><dd>{consumers.length > 0 ? consumers.join(', ') : 'none'}</dd></div>}
            </dl>
            {judged && <FindingConsumers consumers={judged} />}
            {actions?.(finding)}
          </li>
        );
      })}
    </ul>
  );
}
