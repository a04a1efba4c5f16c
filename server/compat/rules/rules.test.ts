import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../diff-documents.js';
import { findBreakingChanges } from '../find-breaking-changes.js';
import { FIXTURE_OPTIONS } from './__fixtures__/convert-rule-fixtures.js';
import { loadRuleFixture } from './__fixtures__/rule-fixture.js';
import { rules } from './index.js';

/** Dated fixtures (sunsets) are judged from a fixed moment, under a 90-day deprecation policy. */
const options = FIXTURE_OPTIONS;

describe.each(rules.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it('fires exactly once on the change it is about, saying what and where', () => {
    const fixture = loadRuleFixture(id);
    const findings = findBreakingChanges(fixture.base, fixture.fires, options).filter((finding) => finding.id === id);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.level).toBe(rule.level);
    expect(finding!.message).not.toMatch(/undefined|\[object/);
    // A fixture in the older directory layout records no finding; convert-rule-fixtures.ts adds it.
    if (fixture.finding) expect({ message: finding!.message, pointer: finding!.pointer, operations: finding!.operations }).toEqual({ pointer: undefined, ...fixture.finding });
  });

  it('stays quiet on a related change it is not about', () => {
    const fixture = loadRuleFixture(id);
    expect(diffDocuments(fixture.base, fixture.quiet, options), 'the quiet fixture changes something').not.toEqual([]);
    const findings = findBreakingChanges(fixture.base, fixture.quiet, options).filter((finding) => finding.id === id);
    expect(findings).toEqual([]);
  });

  it('finds nothing at all between its base and itself', () => {
    const fixture = loadRuleFixture(id);
    expect(findBreakingChanges(fixture.base, fixture.base, options)).toEqual([]);
  });
});
