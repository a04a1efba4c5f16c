import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder holding Accord's package.json, found the same way from the TypeScript sources and
 * from the compiled `dist/` tree, so `migrations/` and `specs/` resolve identically in both.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'migrations'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the Accord package root (package.json next to migrations/)');
    dir = parent;
  }
  cached = dir;
  return dir;
}
