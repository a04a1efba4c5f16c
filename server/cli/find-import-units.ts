import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { UsageError } from './cli-errors.js';

/** One contract found in an import folder, with the files of its versions in publishing order. */
export interface ImportUnit {
  contract: string;
  /** Each file is bundled and published; `version` is null when it comes from info.version. */
  versions: { file: string; version: string | null }[];
  /** Why this folder cannot be imported as it is; set instead of versions. */
  problem?: string;
}

const DOCUMENT = /\.(ya?ml|json)$/i;
const ENTRY_NAMES = ['openapi', 'asyncapi', 'swagger', 'api', 'index', 'main', 'spec'];

export const slugOf = (name: string) =>
  name
    .replace(DOCUMENT, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 64)
    .replace(/^-+|-+$/g, '');

/**
 * Reads an import folder by convention: each document file directly inside is one contract named
 * after the file; each sub-folder is one contract named after the folder, holding either one file
 * per version (`1.0.0.yaml`, `1.1.0.yaml`, published in semver order) or one entry document
 * (`openapi.yaml`, `asyncapi.yaml`, …, or its only document) whose relative references are bundled.
 */
export async function findImportUnits(dir: string): Promise<ImportUnit[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`cannot read folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const units: ImportUnit[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isFile() && DOCUMENT.test(entry.name) && (await looksLikeContract(path))) {
      units.push({ contract: slugOf(entry.name), versions: [{ file: path, version: null }] });
    } else if (entry.isDirectory()) {
      const unit = await folderUnit(path, entry.name);
      if (unit) units.push(unit);
    }
  }
  return units;
}

async function folderUnit(path: string, name: string): Promise<ImportUnit | undefined> {
  const files = (await readdir(path, { withFileTypes: true })).filter((e) => e.isFile() && DOCUMENT.test(e.name)).map((e) => e.name);
  const versioned = files.filter((f) => semver.valid(f.replace(DOCUMENT, '')));
  if (versioned.length > 0) {
    const ordered = versioned.sort((a, b) => semver.compare(a.replace(DOCUMENT, ''), b.replace(DOCUMENT, '')));
    return { contract: slugOf(name), versions: ordered.map((f) => ({ file: join(path, f), version: semver.valid(f.replace(DOCUMENT, ''))! })) };
  }
  const byName = ENTRY_NAMES.map((n) => files.find((f) => f.replace(DOCUMENT, '').toLowerCase() === n)).find(Boolean);
  const candidates = byName ? [byName] : await filterAsync(files, (f) => looksLikeContract(join(path, f)));
  if (candidates.length === 0) return undefined;
  if (candidates.length > 1) {
    // Guessing which document is the contract would publish the wrong one; say so instead.
    return {
      contract: slugOf(name),
      versions: [],
      problem: `${path} holds ${candidates.length} contract documents (${candidates.join(', ')}) and no entry document (${ENTRY_NAMES.map((n) => `${n}.yaml`).join(', ')}); name one so, or give each contract its own folder`,
    };
  }
  return { contract: slugOf(name), versions: [{ file: join(path, candidates[0]!), version: null }] };
}

/** A cheap look at the first lines: shared fragments (schemas, messages) are not contracts. */
async function looksLikeContract(path: string): Promise<boolean> {
  const head = (await readFile(path, 'utf8').catch(() => '')).slice(0, 4096);
  return /(^|[\s{,])["']?(openapi|swagger|asyncapi)["']?\s*:/m.test(head);
}

async function filterAsync<T>(items: T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const flags = await Promise.all(items.map(keep));
  return items.filter((_, i) => flags[i]);
}
