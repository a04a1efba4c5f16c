import { execFileSync } from 'node:child_process';

let hasTaskset: boolean | undefined;

/**
 * `node <args>`, confined to one CPU with `taskset` where there is one: processes that share a
 * machine with the one measured then stay off its core, so the measurement sees its own cost and
 * not the scheduler's. Without taskset (or without a core given) the command runs unpinned.
 */
export function pinnedCommand(cpu: number | undefined, args: string[]): { command: string; args: string[] } {
  if (cpu !== undefined) {
    hasTaskset ??= (() => {
      try {
        execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();
    if (hasTaskset) return { command: 'taskset', args: ['-c', String(cpu), process.execPath, ...args] };
  }
  return { command: process.execPath, args };
}
