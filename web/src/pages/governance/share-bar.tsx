/** A share between 0 and 1 as a filled bar, with its meaning in words for those who cannot see it. */
export function ShareBar({ share, label, width = 240 }: { share: number; label: string; width?: number }) {
  const filled = Math.max(0, Math.min(1, share)) * width;
  return (
    <span className="share">
    <svg className="share-bar" width={width} height={12} viewBox={`0 0 ${width} 12`} role="img" aria-label={label}>
      <rect x={0} y={0} width={width} height={12} rx={6} className="share-bar-track" />
      {filled > 0 && <rect x={0} y={0} width={Math.max(filled, 12)} height={12} rx={6} className={share >= 0.8 ? 'share-bar-good' : share >= 0.5 ? 'share-bar-fair' : 'share-bar-poor'} />}
    </svg>
    <span className="small muted" aria-hidden="true">{label}</span>
    </span>
  );
}
