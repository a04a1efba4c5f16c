export { createTraffic, type Traffic } from './create-traffic.js';
export type { TrafficDeps } from './traffic-deps.js';
export type { IngestedWindow, WindowStatus } from './ingest-windows.js';
export type { Slo, SloKind, SloSettings } from './slo.js';
export type { TrafficFigures, TrafficSummary } from './summarize-traffic.js';
