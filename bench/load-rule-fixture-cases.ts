import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Level } from '../server/compat/index.js';
import type { CompatCase } from './load-compat-cases.js';

export interface RuleFixtureCases {
  cases: CompatCase[];
  /** Fixture folders whose id no rule in the registry carries (rules being added while the bench runs). */
  orphans: string[];
}

/**
 * The rule fixtures `server/compat/rules/__fixtures__/<id>/{base,fires}.yaml` as labelled pairs,
 * labelled by the level of the rule they were written for (error = breaking). They are Accord's own
 * examples, so they measure whether its rules fire, not whether its judgement is right.
 */
export async function loadRuleFixtureCases({ fixturesDir, levels }: { fixturesDir: string; levels: ReadonlyMap<string, Level> }): Promise<RuleFixtureCases> {
  const cases: CompatCase[] = [];
  const orphans: string[] = [];
  const ids = (await readdir(fixturesDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const id of ids) {
    const level = levels.get(id);
    const base = join(fixturesDir, id, 'base.yaml');
    const fires = join(fixturesDir, id, 'fires.yaml');
    if (!level || !existsSync(base) || !existsSync(fires)) {
      orphans.push(id);
      continue;
    }
    const baseDocument = parse(await readFile(base, 'utf8')) as Record<string, unknown>;
    cases.push({
      name: id,
      group: familyOf(baseDocument),
      breaking: level === 'error',
      reason: `Accord's rule ${id} is at level ${level}`,
      base: baseDocument,
      head: parse(await readFile(fires, 'utf8')) as object,
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
