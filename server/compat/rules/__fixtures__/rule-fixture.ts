import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseJsonPointer } from '../../../shared/index.js';

/** One step of an RFC 6902 JSON Patch; fixtures need only these three. */
export type PatchOperation = { op: 'add' | 'replace'; path: string; value: unknown } | { op: 'remove'; path: string };

/** What a rule's firing case must report: its message, where it points, the operations it reaches. */
export interface ExpectedFinding {
  message: string;
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

/** A rule's three documents, and the finding the firing one must produce when the fixture says it. */
export interface RuleFixture {
  base: object;
  fires: object;
  quiet: object;
  finding?: ExpectedFinding;
  /** The directory layout kept readable: three whole documents and no expected finding. */
  layout: 'patch' | 'directory';
}

const here = new URL('./', import.meta.url);

/** Whether a rule has a fixture in either layout. */
export function hasRuleFixture(id: string): boolean {
  return existsSync(new URL(`${id}.yaml`, here)) || ['base', 'fires', 'quiet'].every((name) => existsSync(new URL(`${id}/${name}.yaml`, here)));
}

/** Loads a rule's fixture: `<id>.yaml` (a base and two patches) or the older `<id>/{base,fires,quiet}.yaml`. */
export function loadRuleFixture(id: string): RuleFixture {
  const file = new URL(`${id}.yaml`, here);
  if (!existsSync(file)) {
    const read = (name: string) => parse(readFileSync(new URL(`${id}/${name}.yaml`, here), 'utf8')) as object;
    return { base: read('base'), fires: read('fires'), quiet: read('quiet'), layout: 'directory' };
  }
  const fixture = parse(readFileSync(file, 'utf8')) as RuleFixtureFile;
  const base = typeof fixture.base === 'string' ? readBase(fixture.base) : applyPatch(readBase(fixture.base.from), fixture.base.patch);
  return { base, fires: applyPatch(base, fixture.fires.patch), quiet: applyPatch(base, fixture.quiet.patch), finding: fixture.fires.finding, layout: 'patch' };
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
