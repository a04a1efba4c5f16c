import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirectoryInUse, lockDataDirectory } from './lock-data-directory.js';

describe('lockDataDirectory', () => {
  let dir: string;
  beforeEach(async () => void (dir = await mkdtemp(join(tmpdir(), 'accord-lock-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('refuses a second holder and names the first, with where it serves', () => {
    const first = lockDataDirectory(dir, { command: 'serve' });
    first.describe({ url: 'http://127.0.0.1:4000' });
    const second = (() => {
      try {
        lockDataDirectory(dir);
      } catch (error) {
        return error;
      }
    })();
    expect(second).toBeInstanceOf(DataDirectoryInUse);
    expect((second as Error).message).toContain(`pid ${process.pid}`);
    expect((second as Error).message).toContain('http://127.0.0.1:4000');
    first.release();
    lockDataDirectory(dir).release();
  });

  it('takes over a lock whose holder died without releasing it', async () => {
    // A process that has exited: its pid no longer exists.
    const { pid } = spawnSync(process.execPath, ['-e', '0']);
    await writeFile(join(dir, 'accord.lock'), JSON.stringify({ pid, host: hostname(), command: 'serve', since: new Date(0).toISOString() }));
    const lock = lockDataDirectory(dir);
    expect(JSON.parse(await readFile(join(dir, 'accord.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('takes over a lock file left half-written', async () => {
    await writeFile(join(dir, 'accord.lock'), '{"pid": 12');
    lockDataDirectory(dir).release();
  });
});
