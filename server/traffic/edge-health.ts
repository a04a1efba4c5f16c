import type { SloSettings } from './slo.js';
import type { TrafficFigures } from './summarize-traffic.js';

export type EdgeHealth = 'healthy' | 'breaching' | 'unknown';

/**
 * How a consumer → provider edge stands against its contract's objective. An open incident the
 * consumer's own traffic breached (or one nobody in particular saw) makes it breaching, as does
 * traffic over the objective in the period; traffic within it is healthy; no traffic is no evidence.
 */
export function edgeHealth({ figures, slo, openIncidents }: { figures: Pick<TrafficFigures, 'requests' | 'p95Ms' | 'errorRate'>; slo: Pick<SloSettings, 'p95Ms' | 'errorRate'>; openIncidents: number }): EdgeHealth {
  if (openIncidents > 0) return 'breaching';
  if (figures.requests === 0) return 'unknown';
  if ((figures.p95Ms ?? 0) > slo.p95Ms || (figures.errorRate ?? 0) > slo.errorRate) return 'breaching';
  return 'healthy';
}
