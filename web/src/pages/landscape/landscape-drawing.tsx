import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import type { LandscapeData } from './landscape-query.ts';

const DOMAIN_COLOURS = ['#eef4ff', '#eefaf3', '#fff6ea', '#f6effd', '#ecf8fb', '#fdf0f3'];

/** What fits of a name in a box, at the 13 px semibold the drawing uses (8.4 px a character at most, as the server's layout assumes). */
const fitted = (text: string, width: number) => {
  const room = Math.floor((width - 20) / 8.4);
  return text.length <= room ? text : `${text.slice(0, Math.max(1, room - 1))}…`;
};
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(2)} %`);
const millis = (ms: number | null) => (ms === null ? '—' : `${Math.round(ms)} ms`);
const HEALTH_WORDS = { healthy: 'healthy', breaching: 'breaching its objective', unknown: 'no traffic' } as const;

const pathOf = (points: { x: number; y: number }[]) => points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');

/**
 * The server's layout painted as SVG. Systems and lines are links, so the drawing is reachable
 * with the keyboard (Tab moves from system to system) and each click goes through the router.
 */
export default function LandscapeDrawing({ landscape }: { landscape: LandscapeData }) {
  const navigate = useNavigate();
  const { layout } = landscape;
  const node = new Map(landscape.nodes.map((n) => [n.slug, n]));
  const standing = new Map(landscape.systems.map((s) => [s.system.slug, s]));
  const edge = new Map(landscape.edges.map((e) => [e.id, e]));
  const live = landscape.environment !== null;
  const chosen = new Set(landscape.nodes.filter((n) => (landscape.domain === null || n.domain === landscape.domain) && (landscape.team === null || n.team.slug === landscape.team)).map((n) => n.slug));
  const follow = (href: string) => (event: MouseEvent) => {
    event.preventDefault();
    navigate(href);
  };

  return (
    <figure className="landscape-drawing card">
      <div className="drawing-scroll">
        <svg viewBox={`0 0 ${layout.width} ${layout.height}`} className={layout.width > 1400 ? 'wide' : undefined} role="group" aria-label={`Landscape of ${landscape.nodes.length} systems and ${landscape.edges.length} edges`}>
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
            </marker>
            <marker id="arrow-cycle" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className="arrow-head cycle" />
            </marker>
            {(['healthy', 'breaching', 'unknown'] as const).map((h) => (
              <marker key={h} id={`arrow-${h}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0,0 L10,5 L0,10 z" className={`arrow-head health-${h}`} />
              </marker>
            ))}
          </defs>
          {layout.domains.map((d, i) => (
            <g key={d.domain} className="domain-box">
              <rect x={d.x} y={d.y} width={d.width} height={d.height} rx={14} fill={DOMAIN_COLOURS[i % DOMAIN_COLOURS.length]} />
              <text x={d.x + 16} y={d.y + 26} className="domain-label">{d.domain}</text>
            </g>
          ))}
          {layout.edges.map((route) => {
            const e = edge.get(route.edge);
            if (!e) return null;
            const consumerCycle = standing.get(e.consumer.slug)?.cycle;
            const inCycle = consumerCycle != null && consumerCycle === standing.get(e.provider.slug)?.cycle;
            const consumer = node.get(e.consumer.slug)?.name ?? e.consumer.slug;
            const health = e.live?.health ?? null;
            const figures = e.live && e.live.figures.requests > 0 ? `; P95 ${millis(e.live.figures.p95Ms)}, errors ${percent(e.live.figures.errorRate)}` : '';
            const incidents = e.live && e.live.openIncidents > 0 ? `; ${e.live.openIncidents} open incident${e.live.openIncidents === 1 ? '' : 's'}` : '';
            const label = `${consumer} uses ${e.contract.name} (${e.operations.length} operation${e.operations.length === 1 ? '' : 's'})${e.declared ? '' : ', undeclared'}${health ? `, ${HEALTH_WORDS[health]}` : ''}${figures}${incidents}`;
            // An edge only traffic shows leads to its runbook, which says who to ask to subscribe.
            const href = e.declared ? `/contracts/${encodeURIComponent(e.contract.slug)}` : `/systems/${encodeURIComponent(e.consumer.slug)}/runbooks/${encodeURIComponent(e.contract.slug)}`;
            const marker = health ? `url(#arrow-${health})` : inCycle ? 'url(#arrow-cycle)' : 'url(#arrow)';
            const classes = ['edge', inCycle && 'edge-cycle', e.contract.kind === 'asyncapi' && 'edge-events', health && `health-${health}`, !e.declared && 'edge-undeclared'].filter(Boolean).join(' ');
            return (
              <a key={route.edge} href={href} onClick={follow(href)} className={classes} aria-label={label}>
                <title>{`${label}: ${e.operations.join(', ')}`}</title>
                <path d={pathOf(route.points)} className="edge-hit" />
                <path d={pathOf(route.points)} className="edge-line" markerEnd={marker} />
              </a>
            );
          })}
          {layout.systems.map((box) => {
            const system = node.get(box.system);
            const s = standing.get(box.system);
            if (!system || !s) return null;
            const href = `/systems/${encodeURIComponent(system.slug)}`;
            const flags = [s.cycle !== null && 'in a cycle', s.cluster !== null && 'in a point-to-point cluster'].filter(Boolean).join(', ');
            return (
              <a
                key={box.system}
                href={href}
                onClick={follow(href)}
                className={`system-node${s.cycle !== null ? ' node-cycle' : ''}${s.cluster !== null ? ' node-cluster' : ''}${chosen.has(system.slug) ? '' : ' node-neighbour'}`}
                aria-label={`${system.name}: used by ${s.fanIn}, uses ${s.fanOut}${flags && `; ${flags}`}`}
              >
                <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={8} />
                <text x={box.x + 10} y={box.y + 22} className="node-name">{fitted(system.name, box.width)}</text>
                <text x={box.x + 10} y={box.y + 42} className="node-fan">
                  {`in ${s.fanIn} · out ${s.fanOut}`}
                  {s.cycle !== null && ' · cycle'}
                  {s.cluster !== null && ' · p2p'}
                </text>
              </a>
            );
          })}
        </svg>
      </div>
      <figcaption className="legend">
        <span className="legend-item"><svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" className="edge-line" /></svg> API call</span>
        <span className="legend-item"><svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" className="edge-line events" /></svg> event stream</span>
        {live && (
          <>
            <span className="legend-item"><svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" className="edge-line legend-healthy" /></svg> healthy</span>
            <span className="legend-item"><svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" className="edge-line legend-breaching" /></svg> breaching its objective</span>
            <span className="legend-item"><svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" className="edge-line legend-unknown" /></svg> no traffic</span>
            <span className="legend-item"><svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" className="edge-line legend-undeclared" /></svg> undeclared: seen in traffic only</span>
          </>
        )}
        <span className="legend-item"><span className="swatch swatch-cycle" /> cycle</span>
        <span className="legend-item"><span className="swatch swatch-cluster" /> point-to-point cluster</span>
        <span className="legend-item"><span className="swatch swatch-neighbour" /> outside the filter</span>
      </figcaption>
    </figure>
  );
}
