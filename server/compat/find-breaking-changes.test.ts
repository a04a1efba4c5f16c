import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/index.js';
import { findBreakingChanges } from './index.js';
import { loadRuleFixture } from './rules/__fixtures__/rule-fixture.js';

/** The rule's fixture as text, as a client would send it. */
const fixture = (name: 'base' | 'fires') => JSON.stringify(loadRuleFixture('response-property-removed')[name]);

describe('findBreakingChanges', () => {
  it('judges documents as safe ingest hands them over', async () => {
    const [base, head] = await Promise.all([parseSpec(fixture('base')), parseSpec(fixture('fires'))]);
    if (!base.ok || !head.ok) throw new Error('fixtures must be valid');
    const findings = findBreakingChanges(JSON.parse(base.documentJson), JSON.parse(head.documentJson));
    expect(findings.map((f) => f.id)).toContain('response-property-removed');
    const removed = findings.find((f) => f.id === 'response-property-removed')!;
    expect(removed).toMatchObject({ level: 'error', operation: 'POST /orders/{orderId}', operations: ['POST /orders/{orderId}'], pointer: '/components/schemas/Order/properties/sku' });
    expect(removed.why).toMatch(/clients/i);
  });

  it('lets a level be overridden by rule id', async () => {
    const findings = findBreakingChanges(JSON.parse(fixture('base')), JSON.parse(fixture('fires')), { levels: { 'response-property-removed': 'warn' } });
    expect(findings.find((f) => f.id === 'response-property-removed')?.level).toBe('warn');
  });
});
