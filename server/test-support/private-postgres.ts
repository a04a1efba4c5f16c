import { execFile } from 'node:child_process';
import { chownSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

const run = promisify(execFile);

/**
 * A PostgreSQL server of a test's own, on a free port of 127.0.0.1 with trust authentication, that
 * the test may stop, freeze and start again without disturbing anyone else's database.
 */
export interface PrivatePostgres {
  /** Connection URL of its `postgres` database. */
  url: string;
  port: number;
  /** A fast shutdown: sessions are ended, the server stops accepting connections. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** SIGSTOP on the postmaster and every process it started: connections open, nothing answers. */
  freeze(): void;
  thaw(): void;
  /** Stops the server whatever state it is in and removes its files. */
  destroy(): Promise<void>;
}

/** The directory holding `initdb`, `pg_ctl` and `postgres`, or undefined where PostgreSQL is not installed. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] === undefined ? undefined : join(root, majors[0], 'bin');
}

/**
 * initdb refuses to run as root: as root, every PostgreSQL command runs as the `postgres` user
 * (through runuser), and the directory is handed to that user.
 */
function runAs(): { uid: number; gid: number; wrap: (argv: string[]) => string[] } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === 'postgres');
  if (!passwd) throw new Error('running as root, and there is no postgres user to run PostgreSQL as');
  return { uid: Number(passwd[2]), gid: Number(passwd[3]), wrap: (argv) => ['runuser', '-u', 'postgres', '--', ...argv] };
}

/** Every live process whose parent is `pid`, from /proc. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name in parentheses may itself hold spaces and parentheses: fields follow the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // The process ended while the list was read.
    }
  }
  return children;
}

/** initdb into a fresh temporary directory, then starts the server. Call `destroy` in an `afterAll`. */
export async function startPrivatePostgres({ bin = postgresBinDir() }: { bin?: string | undefined } = {}): Promise<PrivatePostgres> {
  if (!bin) throw new Error('PostgreSQL is not installed: no initdb under /usr/lib/postgresql/*/bin');
  const user = runAs();
  const dir = await mkdtemp(join(tmpdir(), 'accord-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const command = async (name: string, args: string[]) => {
    const [file, ...rest] = (user?.wrap ?? ((argv: string[]) => argv))([join(bin, name), ...args]);
    await run(file!, rest, { cwd: dir });
  };
  let frozen: number[] = [];
  const postmaster = (): number | undefined => {
    try {
      return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return undefined;
    }
  };
  const signalAll = (pids: number[], signal: NodeJS.Signals) => {
    for (const pid of pids) {
      try {
        process.kill(pid, signal);
      } catch {
        // Already gone.
      }
    }
  };
  // Should the test process end without `destroy` (a crash, an interrupted run), a frozen server
  // would otherwise be left behind holding its port.
  const killAtExit = () => {
    const pid = postmaster();
    if (pid === undefined) return;
    const all = [pid, ...childrenOf(pid)];
    signalAll(all, 'SIGKILL');
    signalAll(all, 'SIGCONT');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killAtExit);

  // Durability against a crash of the machine is not what these tests are about: skip the fsyncs.
  await command('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '--no-instructions']);
  const options = ['-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=100'].join(' ');
  const start = () => command('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', join(dir, 'server.log'), '-o', options]);
  const stop = () => command('pg_ctl', ['stop', '-w', '-t', '60', '-D', data, '-m', 'fast']);
  await start();

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    freeze() {
      const pid = postmaster();
      if (pid === undefined) throw new Error('PostgreSQL is not running');
      // The postmaster first, so it starts no new process while its children are being stopped.
      process.kill(pid, 'SIGSTOP');
      frozen = [pid, ...childrenOf(pid)];
      signalAll(frozen.slice(1), 'SIGSTOP');
    },
    thaw() {
      signalAll(frozen, 'SIGCONT');
      frozen = [];
    },
    async destroy() {
      process.off('exit', killAtExit);
      signalAll(frozen, 'SIGCONT');
      frozen = [];
      await command('pg_ctl', ['stop', '-w', '-t', '30', '-D', data, '-m', 'immediate']).catch(() => killAtExit());
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
