import { join, resolve } from 'node:path';

/**
 * Where the shared real-world corpus lives: `ACCORD_CORPUS_DIR` when set, otherwise
 * `../shared/corpus` next to the repository. It is read in place, never copied into the repository.
 */
export function locateCorpus(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.ACCORD_CORPUS_DIR ? resolve(env.ACCORD_CORPUS_DIR) : join(projectRoot, '..', 'shared', 'corpus');
}
