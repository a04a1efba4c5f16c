/**
 * Converts rule fixtures from the directory layout (`<id>/base.yaml`, `fires.yaml`, `quiet.yaml`)
 * to one `<id>.yaml` holding a shared base and two patches, with the finding the firing case
 * produces today. It refuses a conversion whose documents or findings differ from the old ones,
 * and removes a directory only when asked (`--delete`).
 *
 *   npx tsx server/compat/rules/__fixtures__/convert-rule-fixtures.ts [--delete] [<rule-id> …]
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parse, stringify } from 'yaml';
import { toJsonPointer } from '../../../shared/index.js';
import { findBreakingChanges } from '../../find-breaking-changes.js';
import { applyPatch, loadRuleFixture, readBase, type PatchOperation } from './rule-fixture.js';

/** The moment and policy the rule tests judge from; the recorded finding must be the one they see. */
export const FIXTURE_OPTIONS = { now: new Date('2026-06-01T00:00:00Z'), minDeprecationDays: 90 };

const here = new URL('./', import.meta.url);

/** A minimal RFC 6902 patch turning `from` into `to`: a list item inserted or removed is one step. */
export function patchBetween(from: unknown, to: unknown, path: (string | number)[] = []): PatchOperation[] {
  if (isDeepStrictEqual(from, to)) return [];
  const pointer = toJsonPointer(path);
  if (isObject(from) && isObject(to)) {
    const removed = Object.keys(from).filter((key) => !Object.hasOwn(to, key)).map((key): PatchOperation => ({ op: 'remove', path: toJsonPointer([...path, key]) }));
    const changed = Object.keys(to).flatMap((key): PatchOperation[] => (Object.hasOwn(from, key) ? patchBetween(from[key], to[key], [...path, key]) : [{ op: 'add', path: toJsonPointer([...path, key]), value: to[key] }]));
    return [...removed, ...changed];
  }
  if (Array.isArray(from) && Array.isArray(to)) {
    if (from.length === to.length) return from.flatMap((item, index) => patchBetween(item, to[index], [...path, index]));
    const [longer, shorter] = from.length > to.length ? [from, to] : [to, from];
    if (longer.length === shorter.length + 1) {
      const index = longer.findIndex((_, i) => isDeepStrictEqual([...longer.slice(0, i), ...longer.slice(i + 1)], shorter));
      if (index >= 0) return [from.length > to.length ? { op: 'remove', path: toJsonPointer([...path, index]) } : { op: 'add', path: toJsonPointer([...path, index]), value: to[index] }];
    }
  }
  return [{ op: 'replace', path: pointer, value: to }];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const size = (patch: PatchOperation[]) => stringify(patch).split('\n').length;

/** Converts one rule's directory; returns the new file's text after checking it says the same. */
export function convertRuleFixture(id: string): string {
  const read = (name: string) => parse(readFileSync(new URL(`${id}/${name}.yaml`, here), 'utf8')) as object;
  const [base, fires, quiet] = [read('base'), read('fires'), read('quiet')];
  const names = readdirSync(new URL('bases/', here)).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).sort();
  const [closest] = names.map((name) => ({ name, patch: patchBetween(readBase(name), base) })).sort((a, b) => size(a.patch) - size(b.patch));
  if (!closest) throw new Error('no shared bases in bases/');
  const found = findBreakingChanges(base, fires, FIXTURE_OPTIONS).filter((f) => f.id === id);
  if (found.length !== 1) throw new Error(`${id}: the firing fixture gives ${found.length} findings of its rule, not 1`);
  const [finding] = found;
  const fixture = {
    base: closest.patch.length === 0 ? closest.name : { from: closest.name, patch: closest.patch },
    fires: { patch: patchBetween(base, fires), finding: { message: finding!.message, ...(finding!.pointer !== undefined && { pointer: finding!.pointer }), operations: finding!.operations } },
    quiet: { patch: patchBetween(base, quiet) },
  };
  const text = stringify(fixture, { lineWidth: 0 });
  verify(id, text, { base, fires, quiet });
  return text;
}

/** The converted fixture must rebuild the same documents and so give the very same findings. */
function verify(id: string, text: string, old: { base: object; fires: object; quiet: object }): void {
  const fixture = parse(text) as { base: string | { from: string; patch: PatchOperation[] }; fires: { patch: PatchOperation[] }; quiet: { patch: PatchOperation[] } };
  const base = typeof fixture.base === 'string' ? readBase(fixture.base) : applyPatch(readBase(fixture.base.from), fixture.base.patch);
  const rebuilt = { base, fires: applyPatch(base, fixture.fires.patch), quiet: applyPatch(base, fixture.quiet.patch) };
  for (const name of ['base', 'fires', 'quiet'] as const) {
    if (!isDeepStrictEqual(rebuilt[name], old[name])) throw new Error(`${id}: the rebuilt ${name} document differs from ${name}.yaml`);
  }
  for (const name of ['base', 'fires', 'quiet'] as const) {
    const before = findBreakingChanges(old.base, old[name], FIXTURE_OPTIONS);
    const after = findBreakingChanges(rebuilt.base, rebuilt[name], FIXTURE_OPTIONS);
    if (!isDeepStrictEqual(before, after)) throw new Error(`${id}: base → ${name} gives other findings once converted`);
  }
}

function main(argv: string[]): void {
  const remove = argv.includes('--delete');
  const requested = argv.filter((arg) => !arg.startsWith('--'));
  const ids = requested.length > 0 ? requested : readdirSync(here, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'bases' && existsSync(new URL(`${entry.name}/fires.yaml`, here))).map((entry) => entry.name);
  for (const id of ids.sort()) {
    const text = convertRuleFixture(id);
    writeFileSync(new URL(`${id}.yaml`, here), text);
    // Read back through the loader the tests use, so what was written is what they will see.
    loadRuleFixture(id);
    if (remove) rmSync(new URL(`${id}/`, here), { recursive: true });
    console.log(`${id}.yaml${remove ? ` (replaces ${id}/)` : ''}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
