import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatMs } from './format-ms.js';
import { runProcess } from './run-process.js';

export interface BuildState {
  /** The CLI to spawn, or undefined when there is no build to run. */
  cli: string | undefined;
  note: string;
}

/**
 * Makes sure `dist/` holds a build of the current `server/` sources for spawning `bin/accord.js`:
 * when the bundle is missing or older than a source file, builds once as `npm run build` does for
 * the server (`tsc -p tsconfig.build.json`, the precompiled validators, the bundle), without the
 * web UI. When the build fails (others edit the sources while the bench runs), an existing dist is
 * used and the note says so.
 */
export async function ensureBuild({ projectRoot }: { projectRoot: string }): Promise<BuildState> {
  const cli = join(projectRoot, 'dist', 'bundle', 'accord.js');
  const builtAt = existsSync(cli) ? (await stat(cli)).mtimeMs : 0;
  const newestSource = await newestMtime(join(projectRoot, 'server'));
  if (builtAt > newestSource) return { cli, note: `dist/ is newer than every file under server/ (built ${new Date(builtAt).toISOString()}); not rebuilt.` };
  // tsc emits despite type errors, so a failed type check still leaves a build to bundle.
  const steps = [
    { args: [join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], emitsOnError: true },
    { args: [join(projectRoot, 'scripts', 'precompile-validators.mjs')], emitsOnError: false },
    { args: [join(projectRoot, 'scripts', 'bundle-cli.mjs')], emitsOnError: false },
  ];
  let ms = 0;
  for (const { args, emitsOnError } of steps) {
    const build = await runProcess({ args, cwd: projectRoot, timeoutMs: 300_000 });
    ms += build.ms;
    if (build.code === 0 || emitsOnError) continue;
    const firstError = (build.stdout + build.stderr).split('\n')[0] ?? '';
    if (existsSync(cli)) return { cli, note: `The build failed (${firstError}); dist/ as it stands was used.` };
    return { cli: undefined, note: `The build failed and there is no dist/: ${firstError}` };
  }
  return { cli, note: `dist/ was ${builtAt ? 'older than the sources' : 'missing'}; rebuilt with tsc, the precompiled validators and the bundle in ${formatMs(ms)}.` };
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    if (path.includes('__fixtures__')) continue;
    newest = Math.max(newest, (await stat(path)).mtimeMs);
  }
  return newest;
}
