import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrafficWindow } from '../shared/index.js';

export interface WindowReporter {
  /** Spools the window on disk, then sends it with the others waiting; resolves once it is spooled. */
  report(window: TrafficWindow): Promise<void>;
  /** Tries to send everything spooled now; resolves when the spool is empty or a send failed. */
  drain(): Promise<void>;
  /** Stops retrying after one last attempt to send; what is left stays spooled for the next start. */
  close(): Promise<void>;
  stats(): ReporterStats;
}

export interface ReporterStats {
  sent: number;
  duplicates: number;
  /** Windows the registry refused as invalid; kept in `<spool>/rejected` for a person to read. */
  rejected: number;
  /** Windows dropped because the spool was full: the only way a window is lost. */
  dropped: number;
  spooled: number;
  lastError?: string;
}

type Send = { ok: true; duplicates: number } | { ok: false; retry: boolean; error: string };

const SUFFIX = '.window.json';

/**
 * Ships TrafficWindows to the registry (`POST /api/v1/traffic/windows`) in batches. Every window
 * is written to the spool directory before it is sent and removed only once the registry has it,
 * so neither a registry outage nor a restart of the reporter loses one: a new reporter on the same
 * directory sends what the last one left. A resend carries the window's id, so the registry counts
 * it once. The spool is bounded: when full, the oldest windows are dropped with a warning, since
 * the newest say most about what is happening now.
 */
export function createWindowReporter({
  registryUrl,
  apiKey,
  spoolDir,
  batchSize = 100,
  maxSpooledWindows = 10_000,
  retryBaseMs = 500,
  retryMaxMs = 30_000,
  requestTimeoutMs = 10_000,
  warn = (message: string) => console.error(`accord: ${message}`),
}: {
  registryUrl: string;
  apiKey?: string | undefined;
  spoolDir: string;
  batchSize?: number;
  maxSpooledWindows?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  requestTimeoutMs?: number;
  warn?: (message: string) => void;
}): WindowReporter {
  const endpoint = `${registryUrl.replace(/\/+$/, '')}/api/v1/traffic/windows`;
  const rejectedDir = join(spoolDir, 'rejected');
  const stats: ReporterStats = { sent: 0, duplicates: 0, rejected: 0, dropped: 0, spooled: 0 };
  const ready = mkdir(rejectedDir, { recursive: true }).then(() => listSpool());
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let draining: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let fullWarned = false;

  async function listSpool(): Promise<string[]> {
    const names = (await readdir(spoolDir)).filter((name) => name.endsWith(SUFFIX)).sort();
    stats.spooled = names.length;
    return names;
  }

  async function post(body: unknown): Promise<{ status: number; text: string }> {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
    return { status: response.status, text: await response.text() };
  }

  async function send(windows: TrafficWindow[]): Promise<Send> {
    let answer: { status: number; text: string };
    try {
      answer = await post(windows.length === 1 ? windows[0] : { windows });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      return { ok: false, retry: true, error: `cannot reach ${endpoint} (${cause})` };
    }
    if (answer.status >= 200 && answer.status < 300) return { ok: true, duplicates: countDuplicates(answer.text) };
    // Only a window the registry judged invalid is set aside; refusals of the key or the service
    // (401, 403, 404 before an upgrade, 429, 5xx) may pass, so the window waits in the spool.
    const retry = !(answer.status === 400 || answer.status === 413 || answer.status === 422);
    return { ok: false, retry, error: `${endpoint} answered ${answer.status}: ${answer.text.slice(0, 300)}` };
  }

  async function sendBatch(names: string[]): Promise<boolean> {
    const windows: TrafficWindow[] = [];
    const present: string[] = [];
    for (const name of names) {
      try {
        windows.push(JSON.parse(await readFile(join(spoolDir, name), 'utf8')) as TrafficWindow);
        present.push(name);
      } catch {
        // Removed meanwhile (dropped when full), or half-written by a crash before the rename.
      }
    }
    if (windows.length === 0) return true;
    const result = await send(windows);
    if (result.ok) {
      stats.sent += windows.length - result.duplicates;
      stats.duplicates += result.duplicates;
      await Promise.all(present.map((name) => rm(join(spoolDir, name), { force: true })));
      return true;
    }
    stats.lastError = result.error;
    if (result.retry) return false;
    if (windows.length > 1) {
      // One bad window must not hold back the others: find it by sending them one by one.
      for (const name of present) if (!(await sendBatch([name]))) return false;
      return true;
    }
    stats.rejected++;
    warn(`the registry refused window ${windows[0]!.id}; kept in ${rejectedDir}: ${result.error}`);
    await rename(join(spoolDir, present[0]!), join(rejectedDir, present[0]!)).catch(() => undefined);
    return true;
  }

  async function drainOnce(): Promise<void> {
    await ready;
    for (;;) {
      const names = await listSpool();
      if (names.length === 0) {
        failures = 0;
        return;
      }
      if (!(await sendBatch(names.slice(0, batchSize)))) {
        failures++;
        if (failures === 1) warn(`windows wait in ${spoolDir} until the registry takes them: ${stats.lastError}`);
        schedule();
        return;
      }
      if (failures > 0) warn(`the registry takes windows again; ${stats.spooled} were waiting`);
      failures = 0;
    }
  }

  function drain(): Promise<void> {
    // A window spooled while a drain was finishing must not wait for the next one.
    if (draining) {
      again = true;
      return draining;
    }
    draining = (async () => {
      do {
        again = false;
        await drainOnce();
      } while (again && !timer);
    })().finally(() => {
      draining = undefined;
    });
    return draining;
  }

  function schedule() {
    if (closed || timer) return;
    // Full jitter, so reporters that lost the registry together do not come back together.
    const ceiling = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(failures - 1, 20));
    timer = setTimeout(() => {
      timer = undefined;
      void drain();
    }, Math.random() * ceiling);
    timer.unref();
  }

  async function spool(window: TrafficWindow) {
    const names = await listSpool();
    if (names.length >= maxSpooledWindows) {
      const excess = names.slice(0, names.length - maxSpooledWindows + 1);
      await Promise.all(excess.map((name) => rm(join(spoolDir, name), { force: true })));
      stats.dropped += excess.length;
      if (!fullWarned) warn(`the spool ${spoolDir} is full (${maxSpooledWindows} windows); dropping the oldest windows until the registry takes them again`);
      fullWarned = true;
    } else fullWarned = false;
    // Named by start time so the oldest go first; written aside and renamed, so a crash leaves no half file.
    const name = `${String(Date.parse(window.startedAt)).padStart(15, '0')}-${window.id}${SUFFIX}`;
    const temporary = join(spoolDir, `${name}.tmp`);
    await writeFile(temporary, JSON.stringify(window));
    await rename(temporary, join(spoolDir, name));
    stats.spooled = names.length + 1;
  }

  // Windows left by an earlier run go out as soon as the reporter starts.
  void ready.then((names) => (names.length > 0 ? drain() : undefined)).catch((error: Error) => warn(`cannot use the spool ${spoolDir}: ${error.message}`));

  // Windows handed over but not yet on disk: closing waits for them, or the last window of a
  // stopping reporter would be neither sent nor spooled.
  const arriving = new Set<Promise<void>>();

  return {
    report(window) {
      const arrived = (async () => {
        await ready;
        await spool(window);
        // While the registry is away, windows wait for the backoff timer instead of each trying again.
        if (!timer) void drain();
      })().finally(() => arriving.delete(arrived));
      arriving.add(arrived);
      return arrived;
    },
    drain,
    async close() {
      await Promise.allSettled([...arriving]);
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await drain();
    },
    stats: () => ({ ...stats }),
  };
}

function countDuplicates(text: string): number {
  try {
    const body = JSON.parse(text) as { status?: string; windows?: { status?: string }[] };
    if (Array.isArray(body.windows)) return body.windows.filter((r) => r.status === 'duplicate').length;
    return body.status === 'duplicate' ? 1 : 0;
  } catch {
    return 0;
  }
}

export async function spooledWindowCount(spoolDir: string): Promise<number> {
  try {
    await stat(spoolDir);
    return (await readdir(spoolDir)).filter((name) => name.endsWith(SUFFIX)).length;
  } catch {
    return 0;
  }
}
