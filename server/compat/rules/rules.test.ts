import { describe, expect, it } from 'vitest';
import { resolveJsonPointer } from '../../shared/index.js';
import { diffDocuments } from '../diff-documents.js';
import { findBreakingChanges } from '../find-breaking-changes.js';
import { loadRuleFixture, RULE_FIXTURE_OPTIONS as options } from './__fixtures__/rule-fixture.js';
import { rules } from './index.js';

describe.each(rules.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it('fires exactly once on the change it is about, saying what and where', () => {
    const fixture = loadRuleFixture(id);
    const findings = findBreakingChanges(fixture.base, fixture.fires, options).filter((finding) => finding.id === id);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.level).toBe(rule.level);
    expect({ message: finding!.message, pointer: finding!.pointer, operations: finding!.operations }).toEqual({ pointer: undefined, ...fixture.finding });
    expect(finding!.message).not.toMatch(/undefined|\[object/);
  });

  it('points at a node of the revision, or of the base for what was taken away', () => {
    const { base, fires, finding } = loadRuleFixture(id);
    // A typo in a hand-written pointer would otherwise be frozen into the fixture and the finding alike.
    if (finding.pointer === undefined) return;
    expect([fires, base].some((document) => resolveJsonPointer(document, finding.pointer!) !== undefined), finding.pointer).toBe(true);
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
