// `npm start` runs this: it builds only when a source is newer than the last build, so a start
// after `npm ci` (whose prepare step builds) or an unchanged tree does not pay for a rebuild.
// `--mark` records that a build just finished (the build script's last step).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.built-at');

function newestIn(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestIn(join(path, name))));
}

function mark() {
  const now = new Date();
  writeFileSync(stamp, `${now.toISOString()}\n`);
  utimesSync(stamp, now, now);
}

if (process.argv.includes('--mark')) {
  mark();
} else {
  const builtAt = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = ['server', 'web', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'].map((p) => newestIn(join(root, p)));
  if (Math.max(...sources) > builtAt) {
    console.error('building Accord (sources changed since the last build)…');
    const { status } = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
    if (status !== 0) process.exit(status ?? 1);
  }
}
