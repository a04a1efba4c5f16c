import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AccordError } from '../shared/index.js';

/** Who holds a PGlite data directory; written into its lock file for the next opener to read. */
export interface DataDirectoryHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
  /** Where the holder serves, once it listens. */
  url?: string;
}

export interface DataDirectoryLock {
  /** Records where the holder serves, so a refused second opener can name it. */
  describe(details: { url: string }): void;
  release(): void;
}

/** A second process opened a PGlite data directory that another one holds. */
export class DataDirectoryInUse extends AccordError {
  constructor(dataDir: string, holder: DataDirectoryHolder) {
    const where = holder.url ? `, serving ${holder.url}` : '';
    super(
      'data-directory-in-use',
      `the data directory ${dataDir} is in use by another Accord process (pid ${holder.pid} on ${holder.host}${where}, "${holder.command}", since ${holder.since}). ` +
        `The embedded database belongs to one process: stop that one first, or work through the running server (its REST API or the accord client commands with --server).`,
      [],
      { holder },
    );
  }
}

const LOCK_FILE = 'accord.lock';
// Lock files this process holds: our own pid in a lock file is ours only if it is listed here.
const held = new Set<string>();

/**
 * Takes the data directory for this process. PGlite has no locking of its own: a second process
 * opening the same directory writes into files the first one caches, and whatever it wrote is lost
 * when the first one next checkpoints. So every opener takes this lock first, and a second one is
 * refused at once. A holder that died without releasing (kill -9, a crash) is recognised by its
 * process no longer existing on this host, and the lock is taken over.
 */
export function lockDataDirectory(dataDir: string, { command = process.argv.slice(2).join(' ') || 'accord' } = {}): DataDirectoryLock {
  const path = join(dataDir, LOCK_FILE);
  const holder: DataDirectoryHolder = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      held.add(path);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const current = readHolder(path);
      if (current && (held.has(path) || isAlive(current))) throw new DataDirectoryInUse(dataDir, current);
      // Stale: its holder is gone. One retry, so two openers racing over a stale lock cannot both win.
      rmSync(path, { force: true });
    }
  }
  let released = false;
  return {
    describe({ url }) {
      if (!released) writeFileSync(path, JSON.stringify({ ...holder, url }));
    },
    release() {
      if (released) return;
      released = true;
      held.delete(path);
      const current = readHolder(path);
      if (current?.pid === process.pid && current.host === holder.host) rmSync(path, { force: true });
    },
  };
}

function readHolder(path: string): DataDirectoryHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DataDirectoryHolder;
  } catch {
    // Unreadable or half-written by a holder killed while writing it: nobody can be named, treat as stale.
    return undefined;
  }
}

function isAlive(holder: DataDirectoryHolder): boolean {
  // Another host sharing the directory (a network file system) cannot be asked; assume it is alive.
  if (holder.host !== hostname()) return true;
  // After a restart in a container, our own pid may be the dead holder's (held locks were checked before).
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
