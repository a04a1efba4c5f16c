import { describe, expect, test } from 'vitest';
import type { Contract } from '../../registry/index.js';
import { accordTestRegistry } from '../../test-support/accord-test-registry.js';

const registry = accordTestRegistry({ teams: ['store-platform'], systems: [{ slug: 'pos', team: 'store-platform' }] });
const { accord } = registry;

describe('accord contract', () => {
  test('creates a contract for a system, then changes its mode, tags and validity level', async () => {
    const created = await accord('contract', 'create', 'orders-api', '--name', 'Orders API', '--system', 'pos', '--tag', 'orders');
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toBe('created contract orders-api  draft  BACKWARD  validity full  system pos (team store-platform)\n');
    const updated = await accord('contract', 'update', 'orders-api', '--mode', 'full_transitive', '--tag', 'orders', '--tag', 'checkout', '--validity', 'syntax', '--json');
    expect(updated.code).toBe(0);
    expect(JSON.parse(updated.stdout)).toMatchObject({ slug: 'orders-api', compatibilityMode: 'FULL_TRANSITIVE', tags: ['orders', 'checkout'], validity: 'syntax' });
    const { body } = await registry.server.json<Contract>('GET', '/api/v1/contracts/orders-api');
    expect(body.compatibilityMode).toBe('FULL_TRANSITIVE');
  });

  test('a contract for a system that does not exist is refused with the problem, exit 1', async () => {
    const run = await accord('contract', 'create', 'stock-api', '--name', 'Stock API', '--system', 'no-such-system', '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'unknown-reference', status: 422 } });
    expect(run.stderr).toMatch(/^error: unknown-reference: .*no-such-system/);
  });

  test('a field the server refuses is named with what it takes, and where', async () => {
    const run = await accord('contract', 'create', 'Stock API', '--name', 'Stock API', '--system', 'pos');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('error: invalid-input: "Stock API" is not a valid slug: use lowercase letters, digits and hyphens (1–64 characters)\n  /slug expected lowercase kebab-case\n');
  });

  test('deprecate is accord deprecate', async () => {
    const run = await accord('contract', 'deprecate', 'orders-api', '--sunset', '2099-01-31', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ contract: 'orders-api', lifecycle: 'deprecated', sunsetAt: '2099-01-31T00:00:00.000Z' });
  });

  test('says what is missing before asking the server', async () => {
    const run = await accord('contract', 'create', 'stock-api', '--name', 'Stock API');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--system is required');
  });
});
