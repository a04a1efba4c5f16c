import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffDocuments } from '../diff-documents.js';
import { findBreakingChanges } from '../find-breaking-changes.js';
import { rules } from './index.js';

const parsed = new Map<string, string>();
/** Dated fixtures (sunsets) are judged from a fixed moment, under a 90-day deprecation policy. */
const options = { now: new Date('2026-06-01T00:00:00Z'), minDeprecationDays: 90 };

/** A fresh copy of a fixture document, so no test can disturb another through a shared object. */
function fixture(id: string, name: 'base' | 'fires' | 'quiet'): object {
  const file = `./__fixtures__/${id}/${name}.yaml`;
  if (!parsed.has(file)) parsed.set(file, JSON.stringify(parse(readFileSync(new URL(file, import.meta.url), 'utf8'))));
  return JSON.parse(parsed.get(file)!) as object;
}

describe.each(rules.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it('fires exactly once on the change it is about', () => {
    const findings = findBreakingChanges(fixture(id, 'base'), fixture(id, 'fires'), options).filter((finding) => finding.id === id);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.level).toBe(rule.level);
    expect(findings[0]!.message).not.toMatch(/undefined|\[object/);
  });

  it('stays quiet on a related change it is not about', () => {
    expect(diffDocuments(fixture(id, 'base'), fixture(id, 'quiet'), options), 'the quiet fixture changes something').not.toEqual([]);
    const findings = findBreakingChanges(fixture(id, 'base'), fixture(id, 'quiet'), options).filter((finding) => finding.id === id);
    expect(findings).toEqual([]);
  });

  it('finds nothing at all between its base and itself', () => {
    expect(findBreakingChanges(fixture(id, 'base'), fixture(id, 'base'), options)).toEqual([]);
  });
});
