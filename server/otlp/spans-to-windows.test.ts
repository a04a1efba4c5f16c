import { describe, expect, it } from 'vitest';
import { latencyBucketOf } from '../shared/index.js';
import { trafficWindowSchema } from '../shared/traffic-window-schema.js';
import type { SpanMapper } from './create-span-mapper.js';
import type { DeployedContract } from './load-deployed-contracts.js';
import { SpanKind, type ReceivedSpan } from './received-span.js';
import { spansToWindows } from './spans-to-windows.js';

const target: DeployedContract = { contract: 'stock-api', environment: 'prod', version: '1.0.0', teamId: 'team', kind: 'openapi', address: 'http://stock.test', operations: ['GET /stock/{sku}'], document: {} };
// Paths under /stock are documented; anything else on the host is not.
const mapSpan: SpanMapper = (s) => {
  if (s.kind !== SpanKind.server && s.kind !== SpanKind.consumer) return undefined;
  const path = String(s.attributes['url.path'] ?? '');
  if (path.startsWith('/stock/')) return { kind: 'operation', target, operation: 'GET /stock/{sku}' };
  return path ? { kind: 'undocumented', target, request: `GET ${path}` } : undefined;
};

let ids = 0;
const span = (overrides: Partial<ReceivedSpan> & { path?: string; status?: number }): ReceivedSpan => {
  const { path = '/stock/1', status = 200, ...rest } = overrides;
  return { traceId: 't1', spanId: `s${++ids}`, parentSpanId: '', kind: SpanKind.server, startMs: 1_000_000, endMs: 1_000_020, failed: false, attributes: { 'url.path': path, 'http.response.status_code': status }, service: 'inventory', ...rest };
};

describe('aggregating spans into traffic windows', () => {
  it('makes one valid window per deployed version, with consumers from the parent client span or peer.service', () => {
    const client = span({ kind: SpanKind.client, spanId: 'c1', service: 'pos' });
    const spans = [
      client,
      span({ parentSpanId: 'c1' }),
      span({ parentSpanId: 'c1', status: 503, failed: true, endMs: 1_000_100 }),
      span({ attributes: { 'url.path': '/stock/2', 'peer.service': 'erp', 'http.response.status_code': 200 } }),
      span({ failed: true, status: 200, parentSpanId: 'unknown-parent' }),
      span({ path: '/v2/stock' }),
      span({ path: '' }),
    ];
    const { windows, unmatched, rejected } = spansToWindows({ spans, mapSpan, batchId: 'batch', oldestMs: 0 });
    expect(unmatched).toBe(1);
    expect(rejected).toEqual([]);
    expect(windows).toHaveLength(1);
    const [{ window, spans: counted }] = windows as [(typeof windows)[number]];
    expect(counted).toBe(5);
    expect(trafficWindowSchema.safeParse(window).success).toBe(true);
    expect(window).toMatchObject({ contract: 'stock-api', environment: 'prod', version: '1.0.0', source: 'otlp', startedAt: new Date(1_000_000).toISOString(), endedAt: new Date(1_000_100).toISOString() });
    expect(window.operations.map((o) => [o.consumer, o.requests, o.status, o.transportErrors])).toEqual([
      ['pos', 2, { '2xx': 1, '5xx': 1 }, 0],
      ['erp', 1, { '2xx': 1 }, 0],
      // ERROR status without a 5xx answer is a transport error.
      ['unknown', 1, { '2xx': 1 }, 1],
    ]);
    expect(window.operations[0]!.latency).toEqual([[latencyBucketOf(20), 1], [latencyBucketOf(100), 1]]);
    expect(window.undocumented).toEqual([{ request: 'GET /v2/stock', consumer: 'unknown', count: 1 }]);
  });

  it('gives the same batch the same window ids and content, and another batch other ids', () => {
    const spans = [span({ spanId: 'x1' }), span({ spanId: 'x2' })];
    const once = spansToWindows({ spans, mapSpan, batchId: 'b1', oldestMs: 0 }).windows[0]!.window;
    const again = spansToWindows({ spans, mapSpan, batchId: 'b1', oldestMs: 0 }).windows[0]!.window;
    const other = spansToWindows({ spans, mapSpan, batchId: 'b2', oldestMs: 0 }).windows[0]!.window;
    expect(JSON.stringify(again)).toBe(JSON.stringify(once));
    expect(other.id).not.toBe(once.id);
  });

  it('refuses spans older than the retention and says why', () => {
    const { windows, rejected } = spansToWindows({ spans: [span({}), span({ endMs: 5_000_000, startMs: 4_999_000 })], mapSpan, batchId: 'b', oldestMs: 2_000_000 });
    expect(rejected).toEqual([{ spans: 1, why: 'ended before the retention of traffic data' }]);
    expect(windows[0]!.spans).toBe(1);
  });
});
