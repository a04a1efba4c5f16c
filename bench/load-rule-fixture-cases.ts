import { readdir } from 'node:fs/promises';
import type { Level } from '../server/compat/index.js';
import { loadRuleFixture } from '../server/compat/rules/__fixtures__/rule-fixture.js';
import type { CompatCase } from './load-compat-cases.js';

export interface RuleFixtureCases {
  cases: CompatCase[];
  /** Fixtures whose id no rule in the registry carries (rules being added while the bench runs). */
  orphans: string[];
}

/**
 * The rule fixtures `server/compat/rules/__fixtures__/<id>.yaml` (base → fires) as labelled pairs,
 * labelled by the level of the rule they were written for (error = breaking). They are Accord's own
 * examples, so they measure whether its rules fire, not whether its judgement is right.
 */
export async function loadRuleFixtureCases({ fixturesDir, levels }: { fixturesDir: string; levels: ReadonlyMap<string, Level> }): Promise<RuleFixtureCases> {
  const cases: CompatCase[] = [];
  const orphans: string[] = [];
  const entries = await readdir(fixturesDir, { withFileTypes: true });
  const named = entries.filter((e) => e.isFile() && e.name.endsWith('.yaml')).map((e) => e.name.slice(0, -'.yaml'.length));
  for (const id of named.sort()) {
    const level = levels.get(id);
    if (!level) {
      orphans.push(id);
      continue;
    }
    const fixture = loadRuleFixture(id);
    const baseDocument = fixture.base as Record<string, unknown>;
    cases.push({
      name: id,
      group: familyOf(baseDocument),
      breaking: level === 'error',
      reason: `Accord's rule ${id} is at level ${level}`,
      base: baseDocument,
      head: fixture.fires,
    });
  }
  return { cases, orphans };
}

/** `OpenAPI 3.0`, `OpenAPI 3.1`, `Swagger 2.0` or `AsyncAPI 3.0`: the peer reads only some of them. */
function familyOf(document: Record<string, unknown>): string {
  const version = (key: string) => String(document[key]).split('.').slice(0, 2).join('.');
  if (typeof document.asyncapi === 'string') return `AsyncAPI ${version('asyncapi')}`;
  if (document.swagger !== undefined) return `Swagger ${version('swagger')}`;
  return `OpenAPI ${version('openapi')}`;
}
