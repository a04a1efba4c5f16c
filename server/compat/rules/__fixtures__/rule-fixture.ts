import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseJsonPointer } from '../../../shared/index.js';

/** One step of an RFC 6902 JSON Patch; fixtures need only these three. */
export type PatchOperation = { op: 'add' | 'replace'; path: string; value: unknown } | { op: 'remove'; path: string };

/** What a rule's firing case must report: its message, where it points, the operations it reaches. */
export interface ExpectedFinding {
  message: string;
  /** Absent when the change carries none: operations, paths, webhooks and callbacks coming and going, an operation's security. */
  pointer?: string;
  operations: string[];
}

/**
 * A rule's fixture as written: a shared base (a file in `bases/`, optionally patched), and the
 * firing and quiet revisions as patches of that base.
 */
interface RuleFixtureFile {
  base: string | { from: string; patch: PatchOperation[] };
  fires: { patch: PatchOperation[]; finding: ExpectedFinding };
  quiet: { patch: PatchOperation[] };
}

/** A rule's three documents, and the finding the firing one must produce. */
export interface RuleFixture {
  base: object;
  fires: object;
  quiet: object;
  finding: ExpectedFinding;
}

/**
 * The moment and policy every fixture is judged from: the sunsets they carry are dated against
 * it, so the findings they expect hold whatever day the tests run.
 */
export const RULE_FIXTURE_OPTIONS = { now: new Date('2026-06-01T00:00:00Z'), minDeprecationDays: 90 };

const here = new URL('./', import.meta.url);

/** Whether a rule has a fixture. */
export function hasRuleFixture(id: string): boolean {
  return existsSync(new URL(`${id}.yaml`, here));
}

/** Loads `<id>.yaml`: a base and two patches of it, and the finding the firing patch must give. */
export function loadRuleFixture(id: string): RuleFixture {
  const fixture = parse(readFileSync(new URL(`${id}.yaml`, here), 'utf8')) as RuleFixtureFile;
  // Said here rather than as a failed comparison: a fixture without its finding asserts nothing.
  const finding = fixture.fires?.finding;
  if (typeof finding?.message !== 'string' || !Array.isArray(finding.operations)) throw new Error(`${id}.yaml: fires.finding needs the message and operations the rule must report (and its pointer, if it gives one)`);
  const base = typeof fixture.base === 'string' ? readBase(fixture.base) : applyPatch(readBase(fixture.base.from), fixture.base.patch);
  return { base, fires: applyPatch(base, fixture.fires.patch), quiet: applyPatch(base, fixture.quiet.patch), finding };
}

const bases = new Map<string, string>();

/** A fresh copy of a shared base document, so no case can disturb another through a shared object. */
export function readBase(name: string): object {
  if (!bases.has(name)) bases.set(name, JSON.stringify(parse(readFileSync(new URL(`bases/${name}.yaml`, here), 'utf8'))));
  return JSON.parse(bases.get(name)!) as object;
}

/** Applies an RFC 6902 patch (add, remove, replace) to a copy of a document. */
export function applyPatch(document: object, patch: readonly PatchOperation[]): object {
  const root = { '': structuredClone(document) as unknown };
  for (const operation of patch) {
    const path = parseJsonPointer(operation.path);
    if (path === undefined) throw new Error(`${operation.path} is not a JSON pointer`);
    const segments = ['', ...path];
    const key = segments.pop()!;
    let parent: unknown = root;
    for (const segment of segments) {
      parent = (parent as Record<string, unknown>)?.[segment];
      if (parent === null || typeof parent !== 'object') throw new Error(`${operation.op} ${operation.path}: the parent does not exist`);
    }
    if (Array.isArray(parent)) {
      const index = key === '-' ? parent.length : Number(key);
      if (!Number.isInteger(index) || index < 0 || index > parent.length) throw new Error(`${operation.op} ${operation.path}: no such index`);
      if (operation.op === 'add') parent.splice(index, 0, structuredClone(operation.value));
      else if (operation.op === 'remove') parent.splice(index, 1);
      else parent[index] = structuredClone(operation.value);
    } else {
      const object = parent as Record<string, unknown>;
      if (operation.op !== 'add' && !Object.hasOwn(object, key)) throw new Error(`${operation.op} ${operation.path}: nothing is there`);
      if (operation.op === 'remove') delete object[key];
      else object[key] = structuredClone(operation.value);
    }
  }
  return root[''] as object;
}
