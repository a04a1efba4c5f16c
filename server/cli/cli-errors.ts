import type { Problem } from '../http/index.js';

/** Exit codes of every `accord` command. */
export const EXIT = { ok: 0, rejected: 1, usage: 2, unreachable: 3 } as const;

/** Bad arguments or an input file that cannot be read or bundled: exit 2. */
export class UsageError extends Error {}

/** Accord answered with a problem: exit 1, and the problem is printed. */
export class RejectedByAccord extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

/** The server could not be reached at all: exit 3. */
export class ServerUnreachable extends Error {}
