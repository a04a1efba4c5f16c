import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/index.js';
import { findBreakingChanges } from './index.js';

const fixture = (name: string) => readFileSync(new URL(`./rules/__fixtures__/response-property-removed/${name}.yaml`, import.meta.url), 'utf8');

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
    const { parse } = await import('yaml');
    const findings = findBreakingChanges(parse(fixture('base')), parse(fixture('fires')), { levels: { 'response-property-removed': 'warn' } });
    expect(findings.find((f) => f.id === 'response-property-removed')?.level).toBe('warn');
  });
});
