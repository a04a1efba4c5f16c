import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

/** One labelled pair: does a client deployed against `base` break when the server moves to `head`? */
export interface CompatCase {
  name: string;
  /** The folder it came from (`openapi-3.0`, `openapi-3.1`), or the document family of a rule fixture. */
  group: string;
  breaking: boolean;
  reason: string;
  base: object;
  head: object;
}

/**
 * Reads `bench/compat-corpus/<group>/<case>.yaml`, each holding `breaking`, `reason`, `base` and
 * `head`. A malformed case stops the bench: a label that cannot be read cannot be scored.
 */
export async function loadCompatCases(corpusDir: string): Promise<CompatCase[]> {
  const cases: CompatCase[] = [];
  const groups = (await readdir(corpusDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const group of groups) {
    const files = (await readdir(join(corpusDir, group))).filter((f) => f.endsWith('.yaml')).sort();
    for (const file of files) {
      const data: unknown = parse(await readFile(join(corpusDir, group, file), 'utf8'));
      const where = `${group}/${file}`;
      if (!isRecord(data)) throw new Error(`${where}: expected a mapping with breaking, reason, base and head`);
      const { breaking, reason, base, head } = data;
      if (typeof breaking !== 'boolean') throw new Error(`${where}: "breaking" must be true or false`);
      if (typeof reason !== 'string' || reason.trim() === '') throw new Error(`${where}: "reason" must be a one-line sentence`);
      if (!isRecord(base) || !isRecord(head)) throw new Error(`${where}: "base" and "head" must be OpenAPI documents`);
      cases.push({ name: file.replace(/\.yaml$/, ''), group, breaking, reason: reason.trim(), base, head });
    }
  }
  return cases;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
