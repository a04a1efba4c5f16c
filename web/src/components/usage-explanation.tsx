export interface UsageVerdictData {
  gating: 'standard' | 'usage_aware' | 'usage-aware';
  days: number;
  threshold: number;
  explanation?: string | null;
}

/** The usage settings a verdict was judged under and, under usage-aware gating, why it passes or whom it fails for. */
export function UsageExplanation({ usage }: { usage: UsageVerdictData }) {
  const aware = usage.gating !== 'standard';
  return (
    <div className={`alert ${aware ? 'info' : 'neutral'} usage-explanation`} role="note" aria-label="How usage weighed in">
      <strong>{aware ? 'Usage-aware gating' : 'Standard gating'}</strong>{' '}
      <span className="muted">(look-back {usage.days} days, at least {usage.threshold} request{usage.threshold === 1 ? '' : 's'} count as use)</span>
      <p className="small">{usage.explanation ?? (aware ? 'No breaking change to weigh.' : 'Every breaking change gates, whoever uses it; consumers are named for information.')}</p>
    </div>
  );
}
