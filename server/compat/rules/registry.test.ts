import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnyRule, Taxonomy } from '../rule.js';
import { hasRuleFixture } from './__fixtures__/rule-fixture.js';
import { rules } from './index.js';

const here = new URL('./', import.meta.url);

/** Rules that have no mirror on purpose, and why. */
const MIRROR_EXCEPTIONS: Record<string, string> = {
  'request-parameter-deprecated': 'Taking back a parameter deprecation asks nothing of clients and is rare enough that the parameter diff records no fact for it.',
  'response-parameter-deprecated': 'The same holds for a parameter sent to receivers of webhooks and callbacks.',
  'request-property-became-read-only': 'readOnly only constrains what clients send; in a response it changes nothing, and a property losing readOnly in a request only lets clients send more.',
  'response-property-became-write-only': 'writeOnly only hides a property from what clients read; in a request it changes nothing, and losing writeOnly in a response only gives clients more.',
  'response-optional-property-removed': 'Adding a response property is judged by response-property-added whatever its requiredness, and an optional request property removed is judged by request-property-removed.',
};

const ANTONYMS: Record<string, string> = {
  added: 'removed',
  removed: 'added',
  'became-required': 'became-optional',
  'became-optional': 'became-required',
  increased: 'decreased',
  decreased: 'increased',
  narrowed: 'widened',
  widened: 'narrowed',
  tightened: 'loosened',
  loosened: 'tightened',
  deprecated: 'reactivated',
  reactivated: 'deprecated',
  'became-extensible': 'became-closed',
  'became-closed': 'became-extensible',
};

/**
 * A rule's mirrors: the opposite action on the same object (added/removed, …) and, for schema
 * rules, the same action in the other direction, because the comparator reports both directions.
 */
function missingMirrors(rule: AnyRule): string[] {
  const t = rule.taxonomy;
  const has = (want: Partial<Taxonomy>) => rules.some((other) => other !== rule && Object.entries({ ...t, ...want }).every(([key, value]) => other.taxonomy[key as keyof Taxonomy] === value));
  const missing: string[] = [];
  const antonym = ANTONYMS[t.action];
  if (antonym && !has({ action: antonym })) missing.push(`${t.direction} ${t.kind} ${antonym}`);
  if (t.area === 'schema' && t.direction !== 'none') {
    const direction = t.direction === 'request' ? 'response' : 'request';
    if (!has({ direction })) missing.push(`${direction} ${t.kind} ${t.action}`);
  }
  return missing;
}

describe('the rule registry', () => {
  it('gives every rule a unique kebab-case id that starts with its direction', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      if (rule.taxonomy.direction !== 'none') expect(rule.id.startsWith(`${rule.taxonomy.direction}-`), rule.id).toBe(true);
    }
  });

  it('lists exactly the rule files, each named after its id', () => {
    const files = readdirSync(here).filter((file) => file.endsWith('.ts') && file !== 'index.ts' && !file.endsWith('.test.ts'));
    expect(files.map((file) => file.slice(0, -'.ts'.length)).sort()).toEqual(rules.map((rule) => rule.id).sort());
  });

  it('has a fixture for every rule, and no fixture without its rule', () => {
    const missing = rules.filter((rule) => !hasRuleFixture(rule.id)).map((rule) => rule.id);
    expect(missing).toEqual([]);
    const ids = new Set(rules.map((rule) => rule.id));
    const fixtures = readdirSync(new URL('__fixtures__/', here), { withFileTypes: true });
    const named = fixtures.filter((entry) => entry.isFile() && entry.name.endsWith('.yaml')).map((entry) => entry.name.slice(0, -'.yaml'.length));
    expect(named.filter((name) => !ids.has(name))).toEqual([]);
    // A folder of whole documents (the layout before shared bases) would be silently ignored.
    expect(fixtures.filter((entry) => entry.isDirectory() && entry.name !== 'bases').map((entry) => entry.name)).toEqual([]);
  });

  it('says why for every rule in a sentence', () => {
    for (const rule of rules) expect(rule.why, rule.id).toMatch(/^[A-Z].{10,}\.$/);
  });

  it('has a mirror for every rule or a written reason why not', () => {
    const unexplained = rules.filter((rule) => missingMirrors(rule).length > 0 && !MIRROR_EXCEPTIONS[rule.id]).map((rule) => `${rule.id}: missing ${missingMirrors(rule).join(', ')}`);
    expect(unexplained).toEqual([]);
  });

  it('keeps no stale mirror exception', () => {
    for (const id of Object.keys(MIRROR_EXCEPTIONS)) {
      const rule = rules.find((candidate) => candidate.id === id);
      expect(rule && missingMirrors(rule).length > 0, id).toBe(true);
    }
  });
});
