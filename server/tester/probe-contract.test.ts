import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileHttpContract, createTrafficRecorder, probeContract } from './index.js';
import { startInventoryUpstream } from './__fixtures__/inventory-upstream.js';

const document = parse(await readFile(new URL('../../specs/examples/retail/inventory-stock-api/1.1.0.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
const contract = compileHttpContract(document);
let upstream: Awaited<ReturnType<typeof startInventoryUpstream>>;
beforeAll(async () => {
  upstream = await startInventoryUpstream();
});
afterAll(async () => {
  await upstream.close();
});

const recorder = () => createTrafficRecorder({ contract: 'inventory-stock-api', environment: 'dev', version: '1.1.0', source: 'probe', onWindow: () => undefined });

describe('probeContract', () => {
  it('calls every safe operation with parameters from the examples and validates the answers', async () => {
    const r = recorder();
    const results = await probeContract({ contract, document, baseUrl: `${upstream.url}/api/v1`, recorder: r });
    expect(results.every((x) => ['GET', 'HEAD'].includes(x.operation.split(' ')[0]!))).toBe(true);
    const stock = results.find((x) => x.operation === 'GET /stores/{storeId}/stock/{sku}')!;
    expect(stock).toMatchObject({ url: `${upstream.url}/api/v1/stores/0412/stock/4006381333931`, status: 200, violations: [] });
    // The tiny upstream does not serve store availability: a 404 the contract documents is no violation.
    const window = r.flush();
    expect(window.source).toBe('probe');
    expect(window.operations.find((o) => o.operation === 'GET /stores/{storeId}/stock/{sku}')).toMatchObject({ consumer: 'accord-probe', requests: 1, status: { '2xx': 1 } });
  });

  it('reports a broken endpoint: an injected 500 the contract does not document', async () => {
    upstream.faults.errorRate = 1;
    try {
      const results = await probeContract({ contract, document, baseUrl: `${upstream.url}/api/v1`, recorder: recorder() });
      expect(results.find((x) => x.operation === 'GET /stores/{storeId}/stock/{sku}')).toMatchObject({ status: 500, violations: [expect.objectContaining({ rule: 'response-status-undocumented' })] });
    } finally {
      upstream.faults.errorRate = 0;
    }
  });

  it('calls an operation that changes state only when named as unsafe', async () => {
    const safe = await probeContract({ contract, document, baseUrl: `${upstream.url}/api/v1`, recorder: recorder() });
    expect(safe.some((x) => x.operation === 'POST /reservations')).toBe(false);
    const unsafe = await probeContract({ contract, document, baseUrl: `${upstream.url}/api/v1`, recorder: recorder(), unsafe: ['POST /reservations'] });
    expect(unsafe.find((x) => x.operation === 'POST /reservations')).toMatchObject({ status: 404 });
  });
});
