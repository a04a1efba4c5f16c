import type { Actor, TrafficWindow } from '../shared/index.js';
import { ingestWindows, type IngestedWindow } from './ingest-windows.js';
import type { TrafficDeps } from './traffic-deps.js';

/** The traffic services over one database; the edges only ever call these. */
export function createTraffic(deps: TrafficDeps) {
  return {
    /**
     * Stores reported windows (all or none) and, once they are committed, evaluates the objectives
     * of each contract and environment they concern at the end of its newest window.
     */
    async ingest(windows: readonly TrafficWindow[], actor: Actor, pointerOf: (index: number) => string = (i) => `/windows/${i}`): Promise<IngestedWindow[]> {
      return ingestWindows(deps, windows, actor, pointerOf);
    },
  };
}

export type Traffic = ReturnType<typeof createTraffic>;
