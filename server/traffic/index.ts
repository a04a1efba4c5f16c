export { createTraffic, type Traffic, type Incident, type IncidentFilter } from './create-traffic.js';
export { startTrafficSweep, type TrafficSweep } from './start-traffic-sweep.js';
export type { TrafficDeps } from './traffic-deps.js';
export type { IngestedWindow, WindowStatus } from './ingest-windows.js';
export type { Slo, SloKind, SloSettings } from './slo.js';
export type { TrafficFigures, TrafficSummary } from './summarize-traffic.js';
export type { TrafficReport } from './query-traffic.js';
export type { MeanTimeToRecover } from './mean-time-to-recover.js';
export { readObservedUsage } from './read-observed-usage.js';
