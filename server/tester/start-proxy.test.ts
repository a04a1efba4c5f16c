import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { TrafficWindow } from '../shared/index.js';
import { compileHttpContract, createTrafficRecorder, startProxy, type RunningProxy } from './index.js';
import { startInventoryUpstream } from './__fixtures__/inventory-upstream.js';

const document = parse(await readFile(new URL('../../specs/examples/retail/inventory-stock-api/1.1.0.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
const contract = compileHttpContract(document, { redact: ['storeId'] });
const STOCK = '/api/v1/stores/0412/stock/4006381333931';

let upstream: Awaited<ReturnType<typeof startInventoryUpstream>>;
let proxy: RunningProxy;
let windows: TrafficWindow[];
let recorder: ReturnType<typeof createTrafficRecorder>;

beforeEach(async () => {
  upstream = await startInventoryUpstream();
  windows = [];
  recorder = createTrafficRecorder({ contract: 'inventory-stock-api', environment: 'dev', version: '1.1.0', source: 'proxy', onWindow: (w) => windows.push(w) });
  proxy = await startProxy({ contract, recorder, upstream: upstream.url, contractSlug: 'inventory-stock-api', environment: 'dev', port: 0, host: '127.0.0.1', metricsPort: 0, consumerHeader: 'x-consumer' });
});
afterEach(async () => {
  await proxy.close();
  await upstream.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(proxy.url + path, { headers: { 'x-consumer': 'pos', ...headers } });

describe('startProxy', () => {
  it('forwards requests and answers unchanged and records them per operation and consumer', async () => {
    const direct = await (await fetch(upstream.url + STOCK)).json();
    const response = await get(STOCK);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(direct);
    const window = recorder.flush();
    expect(window.operations).toEqual([expect.objectContaining({ operation: 'GET /stores/{storeId}/stock/{sku}', consumer: 'pos', requests: 1, status: { '2xx': 1 }, violations: 0 })]);
    expect(window.violations).toEqual([]);
  });

  it('finds a wrong type in a response body, with its pointer and a redacted sample', async () => {
    expect((await get(STOCK, { 'x-fault': 'wrong-type' })).status).toBe(200);
    const [violation] = recorder.flush().violations;
    expect(violation).toMatchObject({ operation: 'GET /stores/{storeId}/stock/{sku}', pointer: '/response/body/quantityOnHand', rule: 'response-body-schema', sample: '"twelve"', count: 1 });
  });

  it('finds a missing required property', async () => {
    await get(STOCK, { 'x-fault': 'missing-property' });
    expect(recorder.flush().violations[0]).toMatchObject({ pointer: '/response/body/updatedAt', rule: 'response-body-schema', message: expect.stringContaining("required property 'updatedAt'") });
  });

  it('finds an undocumented status code, passing it on as it came', async () => {
    expect((await get(STOCK, { 'x-fault': 'status-418' })).status).toBe(418);
    const window = recorder.flush();
    expect(window.violations[0]).toMatchObject({ pointer: '/response/status', rule: 'response-status-undocumented', sample: '418' });
    expect(window.operations[0]).toMatchObject({ status: { '4xx': 1 }, violations: 1 });
  });

  it('finds a request parameter that breaks its schema, its value hidden when named in redact', async () => {
    await get('/api/v1/stores/412/stock/4006381333931');
    expect(recorder.flush().violations[0]).toMatchObject({ pointer: '/request/path/storeId', rule: 'request-parameter-schema', sample: '"[redacted]"' });
  });

  it('counts an undocumented endpoint apart, under its method and path', async () => {
    expect((await get('/api/v2/stock')).status).toBe(404);
    const window = recorder.flush();
    expect(window.undocumented).toEqual([{ request: 'GET /api/v2/stock', consumer: 'pos', count: 1 }]);
    expect(window.operations).toEqual([]);
  });

  it('answers 502 when the upstream is down and counts a transport error', async () => {
    await upstream.stop();
    const response = await get(STOCK);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'upstream-unreachable' });
    expect(recorder.flush().operations[0]).toMatchObject({ requests: 1, transportErrors: 1, status: {} });
  });

  it('names the consumer after an Accord API key by its listed prefix when no consumer header is sent', async () => {
    await fetch(proxy.url + STOCK, { headers: { authorization: 'Bearer acc_AbCdEf0123456789' } });
    expect(recorder.flush().operations[0]!.consumer).toBe('api-key:acc_AbCdEf');
  });

  it('streams a request body to the upstream and checks the copy', async () => {
    const response = await fetch(`${proxy.url}/api/v1/reservations`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-consumer': 'pos' }, body: JSON.stringify({ storeId: '0412', lines: [] }) });
    expect(response.status).toBe(404);
    const window = recorder.flush();
    expect(window.violations.map((v) => [v.pointer, v.rule])).toEqual(expect.arrayContaining([['/request/body/lines', 'request-body-schema']]));
  });

  it('exposes Prometheus series on the metrics port', async () => {
    await get(STOCK);
    await get(STOCK, { 'x-fault': 'wrong-type' });
    await get('/nowhere');
    const text = await (await fetch(proxy.metricsUrl!)).text();
    const labels = 'contract="inventory-stock-api",environment="dev",operation="GET /stores/{storeId}/stock/{sku}",consumer="pos"';
    expect(text).toContain(`accord_requests_total{${labels},status_class="2xx"} 2`);
    expect(text).toContain(`accord_request_duration_seconds_count{${labels}} 2`);
    expect(text).toContain(`accord_contract_violations_total{${labels},rule="response-body-schema"} 1`);
    expect(text).toContain('accord_undocumented_requests_total{contract="inventory-stock-api",environment="dev"} 1');
  });
});
