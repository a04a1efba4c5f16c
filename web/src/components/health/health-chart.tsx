import { formatTime } from './format-health.ts';

const WIDTH = 560;
const HEIGHT = 160;
const LEFT = 56;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 26;

export interface ChartPoint {
  at: string;
  value: number | null;
}

/**
 * One measure over time as a line, with the objective as a dashed line: the eye sees at once
 * when and how far the traffic crossed it. Steps without traffic leave a gap, not a zero.
 * A table carries the same numbers for screen readers.
 */
export function HealthChart({ title, points, threshold, format, from, to }: { title: string; points: ChartPoint[]; threshold: number; format: (value: number) => string; from: string; to: string }) {
  const start = Date.parse(from);
  const span = Math.max(1, Date.parse(to) - start);
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const top = Math.max(threshold * 1.25, ...values) || 1;
  const x = (at: string) => LEFT + ((Date.parse(at) - start) / span) * (WIDTH - LEFT - RIGHT);
  const y = (value: number) => TOP + (1 - value / top) * (HEIGHT - TOP - BOTTOM);
  const segments: string[] = [];
  let current = '';
  for (const p of points) {
    if (p.value === null) {
      if (current) segments.push(current);
      current = '';
      continue;
    }
    current += `${current ? 'L' : 'M'}${x(p.at).toFixed(1)},${y(p.value).toFixed(1)} `;
  }
  if (current) segments.push(current);
  const over = points.filter((p) => p.value !== null && p.value > threshold);
  return (
    <figure className="health-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}: ${values.length} steps with traffic, ${over.length} over the objective of ${format(threshold)}`}>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(top * f)} y2={y(top * f)} className="chart-grid" />
            <text x={LEFT - 6} y={y(top * f) + 4} textAnchor="end" className="chart-axis">{format(top * f)}</text>
          </g>
        ))}
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(threshold)} y2={y(threshold)} className="chart-threshold" />
        <text x={WIDTH - RIGHT} y={y(threshold) - 4} textAnchor="end" className="chart-threshold-label">objective {format(threshold)}</text>
        {segments.map((d, i) => <path key={i} d={d} className="chart-line" />)}
        {points.map((p) => p.value !== null && <circle key={p.at} cx={x(p.at)} cy={y(p.value)} r={p.value > threshold ? 3 : 1.8} className={p.value > threshold ? 'chart-dot over' : 'chart-dot'} />)}
        <text x={LEFT} y={HEIGHT - 6} className="chart-axis">{formatTime(from)}</text>
        <text x={WIDTH - RIGHT} y={HEIGHT - 6} textAnchor="end" className="chart-axis">{formatTime(to)}</text>
      </svg>
      {/* A table will not shrink to the 1 px the hiding asks for: its wrapper does, and clips it. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead><tr><th scope="col">Until</th><th scope="col">Value</th></tr></thead>
          <tbody>{points.map((p) => <tr key={p.at}><td>{formatTime(p.at)}</td><td>{p.value === null ? 'no traffic' : format(p.value)}</td></tr>)}</tbody>
        </table>
      </div>
    </figure>
  );
}
