import { describe, expect, it } from 'vitest';
import { latencyQuantile, type TrafficWindow } from '../shared/index.js';
import { trafficWindowSchema } from '../shared/traffic-window-schema.js';
import { createTrafficRecorder } from './index.js';

const base = { contract: 'inventory-stock-api', environment: 'dev', version: '1.1.0', source: 'proxy' as const };

describe('createTrafficRecorder', () => {
  it('aggregates requests per operation and consumer into one window the registry accepts', () => {
    const windows: TrafficWindow[] = [];
    let clock = 1_000_000;
    const recorder = createTrafficRecorder({ ...base, onWindow: (w) => windows.push(w), now: () => clock });
    for (let i = 0; i < 20; i++) recorder.observe({ operation: 'GET /stock/{sku}', consumer: 'pos', status: i === 0 ? 500 : 200, latencyMs: 10 + i });
    recorder.observe({ operation: 'GET /stock/{sku}', consumer: 'e-commerce', transportError: true, latencyMs: 3 });
    recorder.observe({
      operation: 'GET /stock/{sku}',
      consumer: 'pos',
      status: 200,
      latencyMs: 5,
      violations: [{ pointer: '/response/body/quantity', rule: 'response-body-schema', message: 'must be integer', sample: '{"quantity":"x"}' }],
    });
    recorder.undocumented('GET /v2/stock', 'pos');
    recorder.undocumented('GET /v2/stock', 'pos');
    clock += 10_000;
    const window = recorder.flush();

    expect(trafficWindowSchema.parse(window)).toBeTruthy();
    expect(windows).toEqual([window]);
    const pos = window.operations.find((o) => o.consumer === 'pos')!;
    expect(pos).toMatchObject({ operation: 'GET /stock/{sku}', requests: 21, status: { '2xx': 20, '5xx': 1 }, transportErrors: 0, violations: 1 });
    expect(latencyQuantile(pos.latency, 0.5)).toBeCloseTo(19, 0);
    expect(window.operations.find((o) => o.consumer === 'e-commerce')).toMatchObject({ requests: 1, transportErrors: 1, status: {} });
    expect(window.violations).toEqual([{ operation: 'GET /stock/{sku}', consumer: 'pos', pointer: '/response/body/quantity', rule: 'response-body-schema', message: 'must be integer', count: 1, sample: '{"quantity":"x"}' }]);
    expect(window.undocumented).toEqual([{ request: 'GET /v2/stock', consumer: 'pos', count: 2 }]);
    expect(Date.parse(window.endedAt) - Date.parse(window.startedAt)).toBe(10_000);
  });

  it('starts each window where the last ended, with a new id, even when nothing was seen', () => {
    let clock = 5_000;
    const recorder = createTrafficRecorder({ ...base, onWindow: () => undefined, now: () => clock });
    clock += 200;
    const first = recorder.flush();
    clock += 200;
    const second = recorder.flush();
    expect(second.startedAt).toBe(first.endedAt);
    expect(second.id).not.toBe(first.id);
    expect(second.operations).toEqual([]);
    expect(trafficWindowSchema.parse(second)).toBeTruthy();
  });

  it('records consumers beyond the limit as "other"', () => {
    const recorder = createTrafficRecorder({ ...base, onWindow: () => undefined, maxConsumers: 2 });
    for (const consumer of ['a', 'b', 'c', 'd']) recorder.observe({ operation: 'GET /x', consumer, status: 200 });
    expect(recorder.flush().operations.map((o) => o.consumer).sort()).toEqual(['a', 'b', 'other']);
  });

  it('counts messages seen, validated and dropped for broker listeners', () => {
    const recorder = createTrafficRecorder({ ...base, source: 'listener', onWindow: () => undefined });
    recorder.countMessages({ operation: 'receive stock.adjusted', consumer: 'unknown', seen: 10, validated: 8, dropped: 2 });
    recorder.countMessages({ operation: 'receive stock.adjusted', consumer: 'unknown', seen: 1, validated: 1 });
    expect(recorder.flush().operations[0]!.messages).toEqual({ seen: 11, validated: 9, dropped: 2 });
  });
});
