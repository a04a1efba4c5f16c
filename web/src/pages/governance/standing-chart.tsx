import type { GovernanceSummary } from '../team/team-query.ts';

const ROW = 30;
const LABEL = 170;
const BAR = 300;

/**
 * One row per team or domain: the clean share as a bar and the open errors beside it, sorted
 * worst first, so the eye lands where the work is. A table says the same for screen readers.
 */
export function StandingChart({ rows, title }: { rows: GovernanceSummary[]; title: string }) {
  const sorted = [...rows].sort((a, b) => a.cleanShare - b.cleanShare || b.open.errors - a.open.errors);
  const height = sorted.length * ROW + 8;
  return (
    <figure className="standing-chart">
      <svg width={LABEL + BAR + 120} height={height} viewBox={`0 0 ${LABEL + BAR + 120} ${height}`} aria-hidden="true">
        {sorted.map((row, i) => {
          const y = i * ROW + 4;
          const tone = row.cleanShare >= 0.8 ? 'share-bar-good' : row.cleanShare >= 0.5 ? 'share-bar-fair' : 'share-bar-poor';
          return (
            <g key={row.name}>
              <text x={LABEL - 10} y={y + 15} textAnchor="end" className="chart-label">{row.name}</text>
              <rect x={LABEL} y={y + 3} width={BAR} height={16} rx={4} className="share-bar-track" />
              <rect x={LABEL} y={y + 3} width={Math.max(2, row.cleanShare * BAR)} height={16} rx={4} className={tone} />
              <text x={LABEL + BAR + 10} y={y + 15} className="chart-value">{`${Math.round(row.cleanShare * 100)}%`}{row.open.errors > 0 ? ` · ${row.open.errors} err` : ''}</text>
            </g>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Clean share</th><th scope="col">Open errors</th><th scope="col">Open warnings</th></tr></thead>
        <tbody>{sorted.map((row) => <tr key={row.name}><td>{row.name}</td><td>{Math.round(row.cleanShare * 100)}%</td><td>{row.open.errors}</td><td>{row.open.warnings}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}
