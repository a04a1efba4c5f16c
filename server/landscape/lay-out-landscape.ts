import elkjs from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { LandscapeGraph } from './landscape-graph.js';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Positions in one coordinate space whose origin is the top left corner of the drawing. */
export interface LandscapeLayout {
  width: number;
  height: number;
  systems: (Box & { slug: string })[];
  /** One box around the systems of each domain. */
  domains: (Box & { domain: string })[];
  /** Each link from its consumer's box to its provider's, with the bends between. */
  links: { id: string; points: Point[] }[];
}

/** Room for the domain's name above its systems. */
const DOMAIN_PADDING = '[top=40,left=20,bottom=20,right=20]';
const SYSTEM_HEIGHT = 56;
/** The widest a character of a name runs in the UI's 13 px semibold type (measured in Chromium's default sans). */
const CHAR_WIDTH = 8.4;

/**
 * A box wide enough for the system's name in the UI's 14 px type without measuring text on a
 * server that has no fonts; the page shortens what still does not fit.
 */
export const systemWidth = (name: string) => Math.min(320, Math.max(140, Math.round(28 + name.length * CHAR_WIDTH)));

// One ELK per thread: it keeps no state between layouts. The bundled build computes in the calling
// thread, which for hundreds of systems takes seconds: the server calls it in a worker.
// The CommonJS build hands its class over as `default` as well, which is how TypeScript sees it.
const elk = new elkjs.default();

const domainId = (domain: string) => `domain:${domain}`;
const systemId = (slug: string) => `system:${slug}`;

/**
 * A layered drawing of a landscape: users left of what they use, so dependencies read left to
 * right, each domain a box around its systems, links routed orthogonally around the boxes.
 */
export async function layOutLandscape({ systems, links }: LandscapeGraph): Promise<LandscapeLayout> {
  const domains = [...new Set(systems.map((s) => s.domain))].sort();
  const known = new Set(systems.map((s) => s.slug));
  const root: ElkNode = {
    id: 'landscape',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.padding': '[top=20,left=20,bottom=20,right=20]',
      'elk.spacing.nodeNode': '28',
      'elk.layered.spacing.nodeNodeBetweenLayers': '64',
      'elk.spacing.edgeNode': '16',
      'elk.spacing.edgeEdge': '10',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.thoroughness': '1',
      // Every position in the drawing's own coordinates, so the page need not add up parents.
      'org.eclipse.elk.json.shapeCoords': 'ROOT',
      'org.eclipse.elk.json.edgeCoords': 'ROOT',
    },
    children: domains.map((domain) => ({
      id: domainId(domain),
      layoutOptions: { 'elk.padding': DOMAIN_PADDING, 'elk.nodeSize.minimum': '(180,100)', 'elk.nodeSize.constraints': 'MINIMUM_SIZE' },
      children: systems.filter((s) => s.domain === domain).map((s) => ({ id: systemId(s.slug), width: systemWidth(s.name), height: SYSTEM_HEIGHT })),
    })),
    edges: links
      .filter((l) => known.has(l.consumer) && known.has(l.provider))
      .map((l): ElkExtendedEdge => ({ id: l.id, sources: [systemId(l.consumer)], targets: [systemId(l.provider)] })),
  };
  const drawn = await elk.layout(root);
  const boxOf = (node: ElkNode): Box => ({ x: node.x ?? 0, y: node.y ?? 0, width: node.width ?? 0, height: node.height ?? 0 });
  const domainNodes = drawn.children ?? [];
  return {
    width: drawn.width ?? 0,
    height: drawn.height ?? 0,
    domains: domainNodes.map((d) => ({ domain: d.id.slice('domain:'.length), ...boxOf(d) })),
    systems: domainNodes.flatMap((d) => (d.children ?? []).map((s) => ({ slug: s.id.slice('system:'.length), ...boxOf(s) }))),
    links: collectEdges(drawn).map((e) => ({ id: e.id, points: (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]).map(({ x, y }) => ({ x, y })) })),
  };
}

/** ELK hands an edge back in the node that contains both its ends, which may be a domain. */
function collectEdges(node: ElkNode): ElkExtendedEdge[] {
  return [...(node.edges ?? []), ...(node.children ?? []).flatMap(collectEdges)];
}
