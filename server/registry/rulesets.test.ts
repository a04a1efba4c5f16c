import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../shared/index.js';
import { createTestRegistry, type TestRegistry } from '../test-support/create-test-registry.js';
import type { Registry } from './index.js';

const admin: Actor = { kind: 'system', name: 'rulesets-test' };

let opened: TestRegistry | undefined;
let registry: Registry;

beforeAll(async () => {
  opened = await createTestRegistry();
  registry = opened.registry;
  await registry.teams.create({ slug: 'commerce', name: 'Commerce' }, admin);
  await registry.systems.create({ slug: 'orders', name: 'Orders', team: 'commerce', domain: 'retail' }, admin);
  await registry.contracts.create({ slug: 'orders-api', name: 'Orders API', system: 'orders' }, admin);
  await registry.contracts.create({ slug: 'orders-events', name: 'Orders events', system: 'orders' }, admin);
  await registry.rulesets.assign({ scope: 'contract', target: 'orders-events', ruleset: 'accord-strict' }, admin);
});
afterAll(() => opened?.close());

describe('the effective ruleset of many contracts', () => {
  it('answers for more slugs than one statement may carry parameters, and only for contracts that exist', async () => {
    // PostgreSQL takes at most 65,535 parameters in one statement: a filter as wide as a large registry passes that.
    const slugs = [...Array.from({ length: 70_000 }, (_, i) => `no-such-contract-${i}`), 'orders-api', 'orders-events'];
    const effective = await registry.rulesets.effectiveForMany(slugs);
    expect([...effective.keys()].sort()).toEqual(['orders-api', 'orders-events']);
    expect(effective.get('orders-api')).toMatchObject({ ruleset: 'accord-recommended', assignment: null });
    expect(effective.get('orders-events')).toMatchObject({ ruleset: 'accord-strict', assignment: { scope: 'contract', target: 'orders-events' } });
  });

  it('answers nothing for no slugs', async () => {
    expect((await registry.rulesets.effectiveForMany([])).size).toBe(0);
  });
});
