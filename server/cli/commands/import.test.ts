import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Contract, Page, Version, VersionSummary } from '../../registry/index.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { refsIn } from '../__fixtures__/refs-in.js';
import { closedPortUrl, fixture, runAccord } from '../__fixtures__/run-accord.js';

let server: TestServer;
const accord = (...args: string[]) => runAccord(args, { server: server.url });
const shop = fixture('import/');
const withInvalid = fixture('import-with-invalid/');

interface ImportReport {
  summary: { contracts: number; createdContracts: number; published: number; unchanged: number; failed: number; seconds: number };
  results: { contract: string; file: string; version: string | null; outcome: 'published' | 'unchanged' | 'failed'; createdContract?: boolean; error?: { code: string; detail: string } }[];
}

const versionsOf = async (contract: string) => (await server.json<Page<VersionSummary>>('GET', `/api/v1/contracts/${contract}/versions`)).body.items.map((v) => v.version).sort();

beforeAll(async () => {
  server = await startTestServer();
  await server.json('POST', '/api/v1/teams', { slug: 'web-shop', name: 'Web Shop' });
  await server.json('POST', '/api/v1/systems', { slug: 'shop', name: 'Shop Backend', team: 'web-shop', domain: 'retail' });
});

afterAll(async () => {
  await server?.close();
});

describe('accord import of a folder', () => {
  let first: ImportReport;

  beforeAll(async () => {
    const run = await accord('import', shop, '--system', 'shop', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    first = JSON.parse(run.stdout);
  });

  test('the first run creates every contract and publishes every version', () => {
    expect(first.summary).toMatchObject({ contracts: 3, createdContracts: 3, published: 4, unchanged: 0, failed: 0 });
    expect(first.results.map((r) => [r.contract, r.version, r.outcome, r.createdContract ?? false])).toEqual([
      ['customer-api', '3.0.0', 'published', true],
      ['payments-api', '1.4.0', 'published', true],
      ['stock-events', '1.0.0', 'published', true],
      ['stock-events', '1.1.0', 'published', false],
    ]);
  });

  test('contracts are created for --system and named after their document’s title', async () => {
    const { body } = await server.json<Page<Contract>>('GET', '/api/v1/contracts?system=shop');
    expect(body.items.map((c) => [c.slug, c.name, c.kind, c.latestVersion]).sort()).toEqual([
      ['customer-api', 'Customer API', 'openapi', '3.0.0'],
      ['payments-api', 'Payments API', 'openapi', '1.4.0'],
      ['stock-events', 'Stock Events', 'asyncapi', '1.1.0'],
    ]);
  });

  test('a folder of version files publishes each file as its version', async () => {
    expect(await versionsOf('stock-events')).toEqual(['1.0.0', '1.1.0']);
    const { body } = await server.json<Version>('GET', '/api/v1/contracts/stock-events/versions/1.0.0');
    expect(body.operations.map((o) => o.key)).toEqual(['send stock.adjusted']);
  });

  test('an entry document is published with its shared fragment bundled in', async () => {
    const { body } = await server.json<Version>('GET', '/api/v1/contracts/customer-api/versions/latest');
    expect(refsIn(body.document).filter((ref) => !ref.startsWith('#'))).toEqual([]);
    expect(body.operations.map((o) => o.key)).toEqual(['GET /customers/{customerId}', 'PATCH /customers/{customerId}']);
  });

  test('a second run changes nothing and exits 0', async () => {
    const run = await accord('import', shop, '--system', 'shop');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Imported 3 contracts in [\d.]+ s: 0 versions published, 4 unchanged, 0 failed; 0 contracts created\.$/m);
    expect(await versionsOf('stock-events')).toEqual(['1.0.0', '1.1.0']);
  });

  test('a re-run for contracts that exist needs no --system, and --json counts them unchanged', async () => {
    const run = await accord('import', shop, '--json');
    expect(run.code).toBe(0);
    const report: ImportReport = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ contracts: 3, createdContracts: 0, published: 0, unchanged: 4, failed: 0 });
    expect(report.results.every((r) => r.outcome === 'unchanged')).toBe(true);
  });
});

describe('accord import with a failing contract', () => {
  test('without --system, a contract that does not exist fails with a hint and the run exits 1', async () => {
    const run = await accord('import', withInvalid, '--json');
    expect(run.code).toBe(1);
    const report: ImportReport = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ contracts: 2, createdContracts: 0, published: 0, failed: 2 });
    expect(report.results.find((r) => r.contract === 'shipping-api')?.error).toEqual({
      code: 'not-found',
      detail: 'contract "shipping-api" does not exist; pass --system <slug> to create it',
    });
    expect((await server.json('GET', '/api/v1/contracts/shipping-api')).status).toBe(404);
  });

  test('an invalid document fails its contract while the others are imported, and the run exits 1', async () => {
    const run = await accord('import', withInvalid, '--system', 'shop');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^✗ returns-api \(.*returns-api\.yaml\): spec-invalid: the document is not a valid OpenAPI description: "description" is required \(at \/paths\/~1returns\/post\/responses\/201\)/m);
    expect(run.stderr).not.toContain('shipping-api');
    expect(run.stdout).toMatch(/1 version published, 0 unchanged, 1 failed; 2 contracts created\./);
    expect(await versionsOf('shipping-api')).toEqual(['1.0.0']);
    expect(await versionsOf('returns-api')).toEqual([]);
  });

  test('with --json the failed item carries the problem code and the others their outcome', async () => {
    const run = await accord('import', withInvalid, '--json');
    expect(run.code).toBe(1);
    const report: ImportReport = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ contracts: 2, createdContracts: 0, published: 0, unchanged: 1, failed: 1 });
    expect(report.results.map((r) => [r.contract, r.outcome, r.error?.code])).toEqual([
      ['returns-api', 'failed', 'spec-invalid'],
      ['shipping-api', 'unchanged', undefined],
    ]);
  });
});

describe('accord import stops before importing', () => {
  test('a folder without contract documents exits 2', async () => {
    const run = await accord('import', fixture('import-layout/fragments-only/'), '--system', 'shop');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error: no contract documents found in .*fragments-only\/?: import reads \.yaml, \.yml and \.json files with a top-level openapi, swagger or asyncapi field/);
  });

  test('a --lifecycle other than draft or active exits 2', async () => {
    const run = await accord('import', shop, '--system', 'shop', '--lifecycle', 'retired');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: --lifecycle must be draft or active');
  });

  test('a server that cannot be reached stops the import with exit 3', async () => {
    const run = await runAccord(['import', shop, '--system', 'shop'], { server: await closedPortUrl() });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^error: cannot reach Accord at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });
});
